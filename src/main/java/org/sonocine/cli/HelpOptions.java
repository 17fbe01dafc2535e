package org.sonocine.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code -h}/{@code --help} and {@code -V}/{@code --version} options, for a command whose model is built in
 * code: as {@code mixinStandardHelpOptions} adds them to an annotated one, without picocli reading its own
 * annotated mixin to make them.
 */
final class HelpOptions {
    private HelpOptions() {
    }

    static CommandSpec addTo(CommandSpec command) {
        return command
                .addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help message and exit.").build())
                .addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                        .description("Print version information and exit.").build());
    }
}
