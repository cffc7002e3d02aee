package io.cedarwood.engine.extensions;

import io.cedarwood.engine.value.Value;

import java.util.List;
import java.util.Objects;

/**
 * One extension function, described once: its name, whether it is called as a method on its first
 * argument, its argument types and its return type ({@link ValueType}), and its implementation. The parser
 * reads the name and call style, the validator and the JSON readers the types (through the one mapping to
 * schema types, {@code ResolvedSchema.typeOf}), the evaluator the implementation, the schema the extension
 * types the constructors return.
 */
public record ExtensionFunction(String name, boolean isMethod, List<ValueType> argumentTypes, ValueType returnType,
                                Implementation implementation) {
    /** What the function computes from arguments of the declared number; it checks their types itself. */
    @FunctionalInterface
    public interface Implementation {
        Value apply(List<Value> arguments);
    }

    public ExtensionFunction {
        Objects.requireNonNull(name, "name");
        argumentTypes = List.copyOf(argumentTypes);
        Objects.requireNonNull(returnType, "returnType");
        Objects.requireNonNull(implementation, "implementation");
    }

    public int arity() {
        return argumentTypes.size();
    }

    /** Whether this is a constructor that takes a string literal ({@code ip}, {@code decimal}, ...). */
    public boolean isConstructor() {
        return !isMethod;
    }
}
