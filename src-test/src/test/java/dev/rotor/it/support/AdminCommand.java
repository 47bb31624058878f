package dev.rotor.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a server's command-line tool (asadmin, jboss-cli), bounded by a deadline. Its output is appended to
 * the server's log, and a failure throws with that output, so a broken deploy or setting says why.
 */
final class AdminCommand {

    private AdminCommand() {
    }

    static void run(List<String> command, Map<String, String> environment, Duration timeout, Path log) {
        try {
            Path output = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "admin-command-", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            long begin = System.nanoTime();
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                ProcessTree.kill(process);
            }
            String text = Files.readString(output);
            Files.delete(output);
            Files.writeString(log, "$ " + String.join(" ", command) + "\n" + text + "(" + Duration.ofNanos(
                    System.nanoTime() - begin).toMillis() + " ms)\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (!finished) {
                throw new IllegalStateException("did not finish in " + timeout + ": " + command + "\n" + text);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("exit " + process.exitValue() + ": " + command + "\n" + text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
