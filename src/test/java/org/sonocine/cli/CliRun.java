package org.sonocine.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What one run of the command line printed and returned. */
record CliRun(int status, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = SonocineCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(status, out.toString(), err.toString());
    }
}
