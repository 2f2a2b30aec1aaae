package dev.wallet.query.api;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem details for the query API's own errors. */
@RestControllerAdvice
public class ApiProblems {

    static final URI BAD_PARAMETER = URI.create("https://wallet.dev/problems/bad-parameter");
    static final URI NOT_FOUND = URI.create("https://wallet.dev/problems/not-found");

    @ExceptionHandler(BadParameterException.class)
    ProblemDetail badParameter(final BadParameterException e) {
        final ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "parameter " + e.parameter() + ": " + e.getMessage());
        problem.setType(BAD_PARAMETER);
        problem.setTitle("Bad parameter");
        problem.setProperty("parameter", e.parameter());
        problem.setProperty("rule", e.getMessage());
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(final NotFoundException e) {
        final ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(NOT_FOUND);
        problem.setTitle("Not found");
        problem.setProperty(e.resource() + "_id", e.id());
        return problem;
    }
}
