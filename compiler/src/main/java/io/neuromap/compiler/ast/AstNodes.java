package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Generic traversal of the AST, read off the record components so that it covers every node type,
 * including ones added later, without a visitor to keep in step. Used by the AST verifier (spans
 * nest) and by tests that compare trees apart from their spans ({@link #shape}).
 */
public final class AstNodes {
    private static final Map<Class<?>, RecordComponent[]> COMPONENTS = new ConcurrentHashMap<>();

    private AstNodes() {
    }

    /** The direct child nodes, in component order (lists and present optionals flattened). */
    public static List<Node> children(Node node) {
        requireNonNull(node, "node is null");
        List<Node> out = new ArrayList<>();
        for (RecordComponent c : components(node)) {
            collect(value(c, node), out);
        }
        return out;
    }

    /** Calls {@code visitor} on {@code root} and every node below it, parents before children. */
    public static void walk(Node root, Consumer<Node> visitor) {
        visitor.accept(root);
        for (Node child : children(root)) {
            walk(child, visitor);
        }
    }

    /**
     * A span-free rendering of the tree, e.g. {@code Binary(op=ADD, left=Number(value=1.0, ...), ...)}:
     * two trees have the same shape exactly when they are equal apart from spans.
     */
    public static String shape(Node node) {
        StringBuilder out = new StringBuilder();
        shape(node, out);
        return out.toString();
    }

    private static void shape(Object value, StringBuilder out) {
        if (value instanceof Node node && node.getClass().isRecord()) {
            out.append(node.getClass().getSimpleName()).append('(');
            boolean first = true;
            for (RecordComponent c : components(node)) {
                if (c.getType() == SourceSpan.class) {
                    continue;
                }
                if (!first) {
                    out.append(", ");
                }
                first = false;
                out.append(c.getName()).append('=');
                shape(value(c, node), out);
            }
            out.append(')');
        } else if (value instanceof Optional<?> o) {
            if (o.isPresent()) {
                shape(o.get(), out);
            } else {
                out.append('-');
            }
        } else if (value instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                shape(l.get(i), out);
            }
            out.append(']');
        } else if (value instanceof String s) {
            out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
        } else {
            out.append(value);
        }
    }

    private static void collect(Object value, List<Node> out) {
        if (value instanceof Node n) {
            out.add(n);
        } else if (value instanceof Optional<?> o && o.isPresent()) {
            collect(o.get(), out);
        } else if (value instanceof List<?> l) {
            for (Object element : l) {
                collect(element, out);
            }
        }
    }

    private static RecordComponent[] components(Node node) {
        Class<?> type = node.getClass();
        if (!type.isRecord()) {
            throw new IllegalArgumentException("AST nodes are records; " + type.getName() + " is not");
        }
        return COMPONENTS.computeIfAbsent(type, Class::getRecordComponents);
    }

    private static Object value(RecordComponent component, Node node) {
        try {
            return component.getAccessor().invoke(node);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + node.getClass().getName(), e);
        }
    }
}
