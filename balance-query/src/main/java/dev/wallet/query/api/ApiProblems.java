package dev.wallet.query.api;

import io.r2dbc.spi.R2dbcException;
import java.net.URI;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem details for the query API's own errors. */
@RestControllerAdvice
public class ApiProblems {

    static final URI BAD_PARAMETER = URI.create("https://wallet.dev/problems/bad-parameter");
    static final URI NOT_FOUND = URI.create("https://wallet.dev/problems/not-found");
    static final URI UNAVAILABLE = URI.create("https://wallet.dev/problems/read-model-unavailable");
    /** Retry-After of a 503: about the projector's longest retry backoff. */
    static final long RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

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

    /**
     * The database is down, out of connections or did not answer within {@code wallet.query.timeout-ms}:
     * the caller may retry; the projector catches up by itself once it is back.
     */
    @ExceptionHandler({DataAccessException.class, R2dbcException.class, TimeoutException.class})
    ResponseEntity<ProblemDetail> unavailable(final Exception e) {
        LOG.warn("A query failed because the read model database is unavailable or too slow: {}", e.getMessage());
        final ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the read model database is unavailable or did not answer in time; retry shortly");
        problem.setType(UNAVAILABLE);
        problem.setTitle("Read model unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
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
