package io.cedarwood.sample.tinytodo.web;

import io.cedarwood.sample.tinytodo.todo.BadRequestException;
import io.cedarwood.sample.tinytodo.todo.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.Locale;
import java.util.Map;

/**
 * The JSON API's errors, all with the body {@code {"error", "message"}}: 404, 400, 415. Denials are
 * {@link ApiDenials}', unknown addresses and methods {@link KnownPaths}'.
 */
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

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    @ResponseStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
    Map<String, String> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return Map.of("error", "unsupported media type", "message",
                "send JSON, with the header `Content-Type: application/json`");
    }

    /** Spring MVC's other refusals (a missing parameter, ...): their status, in this API's body. */
    @ExceptionHandler({ErrorResponseException.class, ServletRequestBindingException.class})
    ResponseEntity<Map<String, String>> refused(Exception e) {
        ErrorResponse refusal = (ErrorResponse) e;
        HttpStatusCode status = refusal.getStatusCode();
        String detail = refusal.getBody().getDetail();
        String error = status instanceof HttpStatus s ? s.getReasonPhrase().toLowerCase(Locale.ROOT) : "error";
        return ResponseEntity.status(status).body(Map.of("error", error, "message", detail == null ? error : detail));
    }
}
