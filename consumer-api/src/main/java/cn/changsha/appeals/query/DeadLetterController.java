package cn.changsha.appeals.query;

import cn.changsha.appeals.edge.problem.BadRequestException;
import cn.changsha.appeals.query.DeadLetterReader.DeadLetter;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For monitors: the records the system could not read or process, newest first. */
@RestController
public class DeadLetterController {

  private final DeadLetterReader reader;

  public DeadLetterController(DeadLetterReader reader) {
    this.reader = reader;
  }

  @GetMapping("/api/dead-letters")
  public List<DeadLetter> deadLetters(@RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > 1000) {
      throw new BadRequestException("limit", "must be 1 to 1000");
    }
    return reader.newest(limit);
  }
}
