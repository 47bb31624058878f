package dev.rotor.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a server wrote to its log since a mark: the log records (Payara's ODL format starts each one with
 * {@code [yyyy-mm-ddT}) and whether any of them carries a stack trace.
 */
public final class LogWatch {

    private static final Pattern RECORD = Pattern.compile("(?m)^\\[\\d{4}-\\d\\d-\\d\\dT");
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(|^Caused by: |Exception: ");

    private final Path log;
    private long mark;

    public LogWatch(Path log) {
        this.log = log;
        mark();
    }

    public void mark() {
        mark = size();
    }

    /** The text written since the last mark. */
    public String sinceMark() {
        try {
            byte[] all = Files.readAllBytes(log);
            return new String(all, (int) Math.min(mark, all.length), (int) Math.max(0, all.length - mark),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long records(String text) {
        return RECORD.matcher(text).results().count();
    }

    public static boolean hasStackTrace(String text) {
        return STACK_FRAME.matcher(text).find();
    }

    /** The lines of {@code text} that start a log record, for a readable failure message. */
    public static List<String> recordLines(String text) {
        return text.lines().filter(line -> RECORD.matcher(line).find()).toList();
    }

    private long size() {
        try {
            return Files.size(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
