package io.cedarwood.engine.extensions;

import java.util.List;

/**
 * An extension function's signature: its name, whether it is called as a method on its first argument,
 * its argument types and its return type (type names as Cedar writes them: {@code String}, {@code Long},
 * {@code Bool}, {@code ipaddr}, {@code decimal}, {@code datetime}, {@code duration}).
 */
public record ExtensionFunction(String name, boolean isMethod, List<String> argumentTypes, String returnType) {
    public ExtensionFunction {
        argumentTypes = List.copyOf(argumentTypes);
    }

    public int arity() {
        return argumentTypes.size();
    }

    /** Whether this is a constructor that takes a string literal ({@code ip}, {@code decimal}, ...). */
    public boolean isConstructor() {
        return !isMethod;
    }
}
