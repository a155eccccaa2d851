package io.telephonyhook.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.okta.JsonMediaType;
import io.telephonyhook.okta.UnsupportedContentTypeException;

/**
 * Refuses a POST whose body is not declared as JSON in UTF-8 ({@link JsonMediaType}) with 415 before anything reads
 * it. A form content type would make the servlet container and Camel's HTTP consumer parse the body as parameters,
 * and log it (the code and the number with it) when that fails; a declared charset would make Camel's servlet binding
 * decode the body with it. The route refuses such a call too; this gate makes sure nothing reads it first.
 */
public class JsonOnlyFilter extends PostFilter {

    private final CallMetrics metrics;

    public JsonOnlyFilter(CallMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            JsonMediaType.requireUtf8Json(request.getContentType());
        } catch (UnsupportedContentTypeException refused) {
            OktaErrorWriter.refuse(response, refused, metrics);
            return;
        }
        chain.doFilter(request, response);
    }
}
