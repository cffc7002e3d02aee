package io.cedarwood.sample.tinytodo.web;

import io.cedarwood.sample.tinytodo.todo.BadRequestException;
import io.cedarwood.sample.tinytodo.todo.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.Map;

/** The JSON API's errors: 404 and 400 with a message. Denials are {@link ApiDenials}'. */
@RestControllerAdvice(assignableTypes = ApiController.class)
class ApiErrors {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    Map<String, String> notFound(NotFoundException e) {
        return Map.of("error", "not found", "message", e.getMessage());
    }

    @ExceptionHandler(BadRequestException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    Map<String, String> badRequest(BadRequestException e) {
        return Map.of("error", "bad request", "message", e.getMessage());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    Map<String, String> unreadable(Exception e) {
        return Map.of("error", "bad request", "message", "the request body or path is not what this API expects");
    }
}
