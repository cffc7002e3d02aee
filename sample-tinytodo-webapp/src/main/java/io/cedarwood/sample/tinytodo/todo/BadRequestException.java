package io.cedarwood.sample.tinytodo.todo;

/** The request is malformed: 400. */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }
}
