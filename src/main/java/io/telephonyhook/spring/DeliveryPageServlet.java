package io.telephonyhook.spring;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.telephonyhook.deliverypage.DeliveryPage;

/**
 * The delivery page as a servlet of the management server ({@link HookManagementConfiguration}), and the filter that
 * puts the same credential in front of {@code /actuator/deliveries}.
 */
final class DeliveryPageServlet extends HttpServlet {

    private final transient DeliveryPage page;

    DeliveryPageServlet(DeliveryPage page) {
        this.page = page;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(page.page(request.getHeader("Authorization"), request::getParameter), response);
    }

    static void write(DeliveryPage.Answer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(answer.body());
    }

    /** {@code /actuator/deliveries} answers only a viewer: 401 without the credential, 404 when deliveries are off. */
    static Filter lookupGuard(DeliveryPage page) {
        return new Filter() {
            @Override
            public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                DeliveryPage.Answer refusal = page.refusal(((HttpServletRequest) request).getHeader("Authorization"));
                if (refusal == null) {
                    chain.doFilter(request, response);
                } else {
                    write(refusal, (HttpServletResponse) response);
                }
            }
        };
    }
}
