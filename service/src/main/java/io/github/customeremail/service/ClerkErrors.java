package io.github.customeremail.service;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A database outage on the clerks' page answers with a page in the clerk's language (503, retry later), not the
 * API's JSON error ({@link ErrorResponses}): the clerk sees what happened and that nothing was sent or saved.
 */
@ControllerAdvice(assignableTypes = ClerkController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClerkErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ClerkErrors.class);

    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ModelAndView database(RuntimeException e, HttpServletResponse response) {
        LOG.warn("clerks' page: database unavailable: {}", e.getClass().getSimpleName());
        response.setHeader("Retry-After", "30");
        ModelAndView page = new ModelAndView("unavailable");
        page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
        return page;
    }
}
