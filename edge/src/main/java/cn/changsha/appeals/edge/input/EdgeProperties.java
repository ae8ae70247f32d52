package cn.changsha.appeals.edge.input;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits applied to every request, under {@code appeals.edge.}.
 *
 * @param maxBodySize the largest request body accepted; larger ones are answered 413. An appeal's
 *     longest text is 4,000 characters (12 KB in UTF-8), so 64 KiB leaves room without inviting abuse.
 */
@ConfigurationProperties("appeals.edge")
public record EdgeProperties(@DefaultValue("64KB") DataSize maxBodySize) {}
