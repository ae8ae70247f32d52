package cn.changsha.appeals.kiosk;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** The command-line kiosk: file an appeal, track one, or simulate a stream of them. */
@Command(name = "kiosk", mixinStandardHelpOptions = true, version = "kiosk 0.1",
    description = "Command-line kiosk for the enterprise appeal tracker (企业诉求自助终端).",
    subcommands = {KioskCommand.Submit.class, KioskCommand.Track.class, KioskCommand.Simulate.class})
public final class KioskCommand {

  @Option(names = "--server", defaultValue = "${env:APPEALS_SERVER:-http://localhost:8080}",
      description = "Base URL of the appeal tracker (default: ${DEFAULT-VALUE}).", scope = CommandLine.ScopeType.INHERIT)
  URI server;

  @Option(names = "--api-key", defaultValue = "${env:APPEALS_API_KEY}",
      description = "This terminal's API key (default: $APPEALS_API_KEY). The first start of the tracker writes one "
          + "for kiosk-01 to data/credentials.txt.", scope = CommandLine.ScopeType.INHERIT)
  String apiKey;

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new KioskCommand());
    // The server's refusal (a wrong receipt secret, a bad field) is an answer to show, not a crash.
    cli.setExecutionExceptionHandler((e, command, parsed) -> {
      if (e instanceof AppealClientException refused) {
        command.getErr().println(refused.getMessage());
        return 1;
      }
      throw e;
    });
    System.exit(cli.execute(args));
  }

  AppealClient client() {
    if (apiKey == null || apiKey.isBlank()) {
      throw new CommandLine.ParameterException(new CommandLine(this), "Give the terminal's API key: --api-key or APPEALS_API_KEY");
    }
    return new AppealClient(server, Credential.apiKey(apiKey.strip()));
  }

  @Command(name = "submit", description = "File one appeal and print the receipt.")
  static final class Submit implements Callable<Integer> {
    @CommandLine.ParentCommand KioskCommand parent;
    @Option(names = "--enterprise", required = true, description = "Enterprise name.") String name;
    @Option(names = "--credit-code", required = true, description = "Unified social credit code.") String creditCode;
    @Option(names = "--contact-name", required = true) String contactName;
    @Option(names = "--contact-phone", required = true) String contactPhone;
    @Option(names = "--green-card", description = "Entrepreneur green card number, if any.") String greenCard;
    @Option(names = "--district", required = true, description = "GB/T 2260 code, e.g. 430104 for 岳麓区.") String district;
    @Option(names = "--category", required = true, description = "e.g. ENVIRONMENT, PARKING, REGISTRATION.") String category;
    @Option(names = "--title", required = true) String title;
    @Option(names = "--description", required = true) String description;
    @Option(names = "--channel", defaultValue = "KIOSK") String channel;
    @Option(names = "--idempotency-key", description = "Reuse to retry safely; a new UUID by default.") String key;

    @Override
    public Integer call() {
      if (!CreditCodes.isValid(creditCode)) {
        System.err.println("统一社会信用代码无效 / invalid unified social credit code: " + creditCode);
        return 2;
      }
      AppealDraft draft = new AppealDraft(
          new AppealDraft.Enterprise(name, creditCode, contactName, contactPhone, greenCard),
          district, category, title, description, channel);
      Receipt receipt = parent.client().submit(draft, key == null ? UUID.randomUUID().toString() : key);
      System.out.println("受理回执 / Receipt");
      System.out.println("  查询编号 tracking number: " + receipt.trackingNumber());
      System.out.println("  诉求编号 appeal id:       " + receipt.appealId());
      System.out.println("  受理时间 submitted at:    " + receipt.submittedAt());
      System.out.println("  承办部门 department:      " + (receipt.routed() ? receipt.departmentId() : "分派中 / being routed"));
      if (receipt.firstResponseDue() != null) {
        System.out.println("  承诺答复 respond by:      " + receipt.firstResponseDue());
        System.out.println("  承诺办结 resolve by:      " + receipt.resolutionDue());
      }
      System.out.println("  查询密码 receipt secret:  " + receipt.receiptSecret());
      return 0;
    }
  }

  @Command(name = "track", description = "Show an appeal's status and timeline, signed in as the enterprise with its receipt.")
  static final class Track implements Callable<Integer> {
    @CommandLine.ParentCommand KioskCommand parent;
    @Parameters(index = "0", paramLabel = "TRACKING_NUMBER") String trackingNumber;
    @Parameters(index = "1", paramLabel = "RECEIPT_SECRET") String receiptSecret;

    @Override
    public Integer call() {
      JsonNode appeal = new AppealClient(parent.server, Credential.receipt(trackingNumber, receiptSecret))
          .appealByTrackingNumber(trackingNumber);
      System.out.println(appeal.get("trackingNumber").asString() + "  " + appeal.get("status").asString()
          + "  " + appeal.get("departmentId").asString());
      for (JsonNode event : appeal.get("timeline")) {
        System.out.println("  " + event.get("at").asString() + "  " + event.get("type").asString()
            + "  " + event.path("actor").path("role").asString() + ":" + event.path("actor").path("id").asString());
      }
      return 0;
    }
  }

  @Command(name = "simulate", description = "Publish a seeded stream of realistic appeals at a chosen rate.")
  static final class Simulate implements Callable<Integer> {
    @CommandLine.ParentCommand KioskCommand parent;
    @Option(names = "--rate", defaultValue = "5", description = "Appeals per second (default ${DEFAULT-VALUE}).") double rate;
    @Option(names = "--count", defaultValue = "100", description = "How many; 0 runs until stopped (default ${DEFAULT-VALUE}).") int count;
    @Option(names = "--seed", defaultValue = "2019", description = "Same seed, same appeals (default ${DEFAULT-VALUE}).") long seed;
    @Option(names = "--run-id", description = "Prefix of the idempotency keys; rerun with the same id to resend without duplicates.") String runId;

    @Override
    public Integer call() {
      if (rate <= 0 || count < 0) {
        System.err.println("--rate must be positive and --count zero or more");
        return 2;
      }
      String run = runId == null ? UUID.randomUUID().toString().substring(0, 8) : runId;
      AppealSimulator simulator = new AppealSimulator(seed);
      AppealClient client = parent.client();
      long intervalNanos = (long) (1_000_000_000L / rate);
      AtomicInteger failed = new AtomicInteger();
      Instant start = Instant.now();
      Instant lastReport = start;
      for (int n = 1; count == 0 || n <= count; n++) {
        long due = System.nanoTime() + intervalNanos;
        try {
          client.submit(simulator.next(), "sim-" + run + "-" + n);
        } catch (AppealClientException e) {
          failed.incrementAndGet();
          System.err.println("appeal " + n + " failed: " + e.getMessage());
        }
        if (Duration.between(lastReport, Instant.now()).toSeconds() >= 2 || n == count) {
          lastReport = Instant.now();
          double seconds = Math.max(0.001, Duration.between(start, lastReport).toMillis() / 1000.0);
          System.out.printf("run %s: %d sent%s, %d failed, %.1f/s%n", run, n, count == 0 ? "" : " of " + count,
              failed.get(), n / seconds);
        }
        long wait = due - System.nanoTime();
        if (wait > 0) {
          try {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
      }
      return failed.get() == 0 ? 0 : 1;
    }
  }
}
