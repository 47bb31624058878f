package dev.rotor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's 1-, 5- and 15-minute load averages, as {@code /proc/loadavg} gives them. */
record LoadAverage(String one, String five, String fifteen) {

    static LoadAverage now() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new LoadAverage(fields[0], fields[1], fields[2]);
        } catch (IOException e) {
            return new LoadAverage("?", "?", "?");
        }
    }

    @Override
    public String toString() {
        return one + " / " + five + " / " + fifteen;
    }
}
