package dev.diplograph.error;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON body of every REST error: a stable code, a message, and where relevant the list of problems. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(String code, String message, List<Problem> errors, Integer omitted) {

    /** One located problem; {@code pointer} is a JSON Pointer into the request body. */
    public record Problem(String pointer, String message) {
    }

    public static ErrorBody of(String code, String message) {
        return new ErrorBody(code, message, null, null);
    }
}
