package io.github.b2cpermissions.examples;

import io.github.b2cpermissions.B2cPermissionsException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A small command-line tool over the SDK. Against a real tenant it reads the backup app's
 * credentials from {@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID} and {@code AZURE_CLIENT_SECRET}
 * (or {@code AZURE_CLIENT_CERTIFICATE_PATH}); with {@code --demo} it runs against an embedded fake
 * tenant. Each command is its own class ({@link VerifyCommand}, {@link ConsentUrlCommand},
 * {@link CatalogCommand}, {@link FleetCommand}).
 *
 * <p>Exit codes, for scripts: 0 satisfied (every tenant, for {@code fleet}); 1 checked but not
 * satisfied; 2 could not verify (a failure, or for {@code fleet} any tenant that failed); 64 bad
 * usage.
 */
@Command(
    name = "b2c-permissions",
    mixinStandardHelpOptions = true,
    description = "Checks the Microsoft Graph permissions an Azure AD B2C backup app needs.",
    subcommands = {
      VerifyCommand.class,
      ConsentUrlCommand.class,
      CatalogCommand.class,
      FleetCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:satisfied", "1:checked, not satisfied", "2:could not verify", "64:bad usage"
    })
public final class B2cPermissionsCli {
  /** Every tenant checked is satisfied. */
  public static final int SATISFIED = 0;
  /** A tenant was checked and is not satisfied. */
  public static final int NOT_SATISFIED = 1;
  /** A check could not finish. */
  public static final int COULD_NOT_VERIFY = 2;
  /** The command line was wrong. */
  public static final int USAGE = 64;

  private B2cPermissionsCli() {}

  /**
   * Runs the tool and exits with its code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  /** Runs the tool and returns its exit code, without exiting. */
  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    CommandLine cli = new CommandLine(new B2cPermissionsCli(), new CliStreams(out, err, env));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setExitCodeExceptionMapper(e -> e instanceof B2cPermissionsException ? COULD_NOT_VERIFY : USAGE);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      err.println("error: " + e.getMessage());
      return e instanceof B2cPermissionsException ? COULD_NOT_VERIFY
          : e instanceof IllegalArgumentException ? USAGE : COULD_NOT_VERIFY;
    });
    cli.setParameterExceptionHandler((e, a) -> {
      err.println("error: " + e.getMessage());
      e.getCommandLine().usage(err);
      return USAGE;
    });
    return cli.execute(args);
  }
}
