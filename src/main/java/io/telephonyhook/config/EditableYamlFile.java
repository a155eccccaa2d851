package io.telephonyhook.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * A YAML file of settings that an integration team edits ({@code HOOK_SENDERS_FILE}, {@code HOOK_WORDING_FILE}):
 * entries under a key (a country, a locale), each a few named text fields. It is read once, at start-up, and any
 * mistake stops the start with one line naming the variable, the file and the line, so whoever edited it need not
 * guess which line is wrong. What the keys and values mean is the reader's of each file; this checks the shape.
 *
 * <p>Parsed with snakeyaml-engine's node API (the parser Camel's YAML DSL brings): nodes keep the line they came
 * from, which the maps of a plain load would lose. YAML 1.2's core schema decides what is text, as most YAML tools
 * do: {@code +447700900123} or {@code true} unquoted are a number and a boolean to it, so they are refused with a
 * hint to quote them, rather than read as text here and as something else by the next tool that touches the file.
 */
public final class EditableYamlFile {

    /** A key or a value as written, and the line (1-based) it is on. */
    public record Text(String value, int line) {
    }

    /** One entry: its key, and its fields by name in the file's order. */
    public record Entry(Text key, Map<String, Text> fields) {
    }

    private final String variable;
    private final Path path;
    private final List<Entry> entries;

    private EditableYamlFile(String variable, Path path, List<Entry> entries) {
        this.variable = variable;
        this.path = path;
        this.entries = List.copyOf(entries);
    }

    /**
     * @param variable   the environment variable that named the file, for the messages
     * @param entryKey   what the top-level keys are, with an example, for the messages: "country (like GB)"
     * @param fieldNames the only fields an entry may have
     * @throws InvalidSettingsException when the file cannot be read, is not YAML, or is not of this shape
     */
    public static EditableYamlFile read(String variable, Path path, String entryKey, List<String> fieldNames) {
        EditableYamlFile file = new EditableYamlFile(variable, path, List.of());
        Optional<Node> root = file.parse(file.text());
        if (root.isEmpty()) {
            return file; // nothing but comments, or nothing at all: no entries
        }
        if (!(root.get() instanceof MappingNode mapping)) {
            throw file.refusal(line(root.get()), "expected entries by " + entryKey + ", each with its settings"
                    + " indented under it");
        }
        List<Entry> entries = new ArrayList<>();
        for (NodeTuple entry : mapping.getValue()) {
            entries.add(file.entry(entry, fieldNames));
        }
        return new EditableYamlFile(variable, path, entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** A refusal of what is on this line of the file, in one line: "VARIABLE path line N: reason". */
    public InvalidSettingsException refusal(int line, String reason) {
        return new InvalidSettingsException(variable + " " + path + " line " + line + ": " + oneLine(reason));
    }

    /** A refusal of the file as a whole (it cannot be read, or contradicts other settings). */
    public InvalidSettingsException refusal(String reason) {
        return new InvalidSettingsException(variable + " " + path + ": " + oneLine(reason));
    }

    private String text() {
        try {
            if (Files.isDirectory(path)) {
                throw refusal("is a directory, not a file");
            }
            String text = Files.readString(path); // UTF-8, refusing bytes that are not
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (NoSuchFileException missing) {
            throw refusal("no such file");
        } catch (AccessDeniedException denied) {
            throw refusal("cannot be read (permission denied)");
        } catch (CharacterCodingException notUtf8) {
            throw refusal("cannot be read: it is not UTF-8");
        } catch (IOException unreadable) {
            throw refusal("cannot be read (" + unreadable.getClass().getSimpleName() + ": " + unreadable.getMessage() + ")");
        }
    }

    private Optional<Node> parse(String text) {
        LoadSettings settings = LoadSettings.builder().setLabel(path.toString()).setSchema(new CoreSchema()).build();
        try {
            return new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException notYaml) {
            // the parser's own words and line, and where it began what it could not finish (a quote left open, say)
            Optional<Mark> mark = notYaml.getProblemMark().or(notYaml::getContextMark);
            String reason = "not valid YAML: " + (notYaml.getProblem() != null ? notYaml.getProblem() : notYaml.getContext());
            if (notYaml.getProblem() != null && notYaml.getContext() != null && notYaml.getContextMark().isPresent()) {
                reason += " (" + notYaml.getContext() + " on line " + (notYaml.getContextMark().get().getLine() + 1) + ")";
            }
            if (mark.isPresent()) {
                throw refusal(mark.get().getLine() + 1, reason);
            }
            throw refusal(reason);
        } catch (ReaderException notYaml) {
            // a character YAML does not allow anywhere (a control character): the reader counts code points, not lines
            throw refusal(lineAt(text, notYaml.getPosition()),
                    "not valid YAML: the character U+" + String.format("%04X", notYaml.getCodePoint()) + " is not allowed");
        } catch (YamlEngineException notYaml) {
            throw refusal("not valid YAML: " + notYaml.getMessage());
        }
    }

    private Entry entry(NodeTuple entry, List<String> fieldNames) {
        Text key = key(entry.getKeyNode());
        Node value = entry.getValueNode();
        if (!(value instanceof MappingNode settings)) {
            throw refusal(key.line(), "'" + key.value() + "' must have its settings (" + String.join(", ", fieldNames)
                    + ") indented under it, one per line");
        }
        if (settings.getValue().isEmpty()) {
            throw refusal(key.line(), "'" + key.value() + "' sets nothing (expected " + String.join(", ", fieldNames) + ")");
        }
        Map<String, Text> fields = new LinkedHashMap<>();
        for (NodeTuple field : settings.getValue()) {
            Text name = key(field.getKeyNode());
            if (!fieldNames.contains(name.value())) {
                throw refusal(name.line(), "unknown key '" + name.value() + "' under '" + key.value() + "' (expected "
                        + String.join(", ", fieldNames) + ")");
            }
            if (fields.containsKey(name.value())) {
                throw refusal(name.line(), name.value() + " is given twice under '" + key.value() + "' (first on line "
                        + fields.get(name.value()).line() + ")");
            }
            fields.put(name.value(), value(key, name, field.getValueNode()));
        }
        return new Entry(key, Collections.unmodifiableMap(fields));
    }

    private Text key(Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            throw refusal(line(node), "a key must be a plain word, like the examples in the README");
        }
        return new Text(scalar.getValue(), line(node));
    }

    private Text value(Text entry, Text name, Node node) {
        String where = name.value() + " under '" + entry.value() + "'";
        if (!(node instanceof ScalarNode scalar)) {
            throw refusal(line(node), where + " must be text, not a list or a mapping");
        }
        if (node.getTag().equals(Tag.NULL) || scalar.getValue().isBlank()) {
            throw refusal(line(node), where + " is empty");
        }
        if (!node.getTag().equals(Tag.STR)) {
            // +447700900123, 2024, true: YAML reads these as numbers or booleans, which quotes make text
            throw refusal(line(node), where + " is not text to YAML: put it in quotes, like " + name.value() + ": \""
                    + scalar.getValue() + "\"");
        }
        return new Text(scalar.getValue(), line(node));
    }

    /** The line (1-based) of the code point at this index. */
    private static int lineAt(String text, int codePointIndex) {
        int end = text.offsetByCodePoints(0, Math.min(codePointIndex, text.codePointCount(0, text.length())));
        return 1 + (int) text.substring(0, end).chars().filter(c -> c == '\n').count();
    }

    private static int line(Node node) {
        return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(1);
    }

    /** Messages stay on one line, and print as text, whatever a value holds, as every start-up refusal does. */
    private static String oneLine(String reason) {
        return reason.replaceAll("\\R", " ").replaceAll("\\p{Cntrl}", "?");
    }
}
