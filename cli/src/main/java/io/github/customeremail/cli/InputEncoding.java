package io.github.customeremail.cli;

import java.util.Locale;
import picocli.CommandLine;

/** Text encoding of the audit's input ({@code --encoding}). */
enum InputEncoding {
    UTF_8, WINDOWS_1252, AUTO;

    /** Accepts the usual spellings of each encoding. */
    static final class Converter implements CommandLine.ITypeConverter<InputEncoding> {
        @Override
        public InputEncoding convert(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "utf-8", "utf8" -> UTF_8;
                case "windows-1252", "cp1252", "latin-1", "latin1", "iso-8859-1" -> WINDOWS_1252;
                case "auto" -> AUTO;
                default -> throw new CommandLine.TypeConversionException(
                        "--encoding must be utf-8, windows-1252 or auto, not '" + value + "'");
            };
        }
    }
}
