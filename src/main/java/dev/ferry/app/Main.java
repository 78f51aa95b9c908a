package dev.ferry.app;

import dev.ferry.cli.CliException;
import dev.ferry.cli.ExportCommand;
import dev.ferry.cli.ImportCommand;
import dev.ferry.cli.RecordsCommand;
import dev.ferry.cli.RunsCommand;
import dev.ferry.cli.StatusCommand;
import dev.ferry.cli.TablesCommand;
import dev.ferry.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Ferry's entry point: parses the command line and runs the chosen command. */
@Command(
    name = "ferry",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Moves product-analytics data between an event store and S3.",
    subcommands = {
      ServerCommand.class,
      StatusCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      TablesCommand.class,
      RunsCommand.class,
      RecordsCommand.class,
      PolicyCommand.class,
      CheckCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    if (code != ServerCommand.KEEP_RUNNING) {
      System.exit(code);
    }
  }

  /** Runs one command line; returns the exit code. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(Main::oneLine);
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static int oneLine(
      Exception error, CommandLine commandLine, CommandLine.ParseResult parsed) {
    PrintWriter err = commandLine.getErr();
    if (error instanceof ConfigException) {
      err.println("ferry: " + error.getMessage());
      return 2;
    }
    if (error instanceof StartupException || error instanceof CliException) {
      err.println("ferry: " + error.getMessage());
      return 1;
    }
    err.println("ferry: unexpected error: " + error);
    error.printStackTrace(err);
    return 1;
  }

  /** Supplies {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"ferry " + FerryVersion.current()};
    }
  }
}
