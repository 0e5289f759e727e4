package io.github.b2cpermissions.examples;

import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine;

/**
 * The streams and environment a command runs with; as picocli's factory it hands them to every
 * {@link CliCommand} it creates, so tests can run the tool without touching {@code System.out}.
 */
record CliStreams(PrintStream out, PrintStream err, Map<String, String> env)
    implements CommandLine.IFactory {
  @Override
  public <K> K create(Class<K> cls) throws Exception {
    K created = CommandLine.defaultFactory().create(cls);
    if (created instanceof CliCommand command) {
      command.io = this;
    }
    return created;
  }
}
