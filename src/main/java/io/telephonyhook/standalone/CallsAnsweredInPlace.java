package io.telephonyhook.standalone;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodParameter;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.DeferredResultMethodReturnValueHandler;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * platform-http's Spring Boot consumer returns a {@code CompletableFuture}, which Spring MVC answers through a servlet
 * async cycle: {@code startAsync}, then a second dispatch through every filter and the {@code DispatcherServlet}, handed
 * to a request thread again. With the standalone application's engine ({@link StandaloneConfiguration}) the future is
 * already complete when it is returned: the call ran on this thread and its answer is written. Such a request is simply
 * done, with no async cycle. A future not complete, or failed, goes on as Spring MVC does it; other handlers are not
 * concerned.
 */
final class CallsAnsweredInPlace implements HandlerMethodReturnValueHandler {

    private final HandlerMethodReturnValueHandler spring;

    private CallsAnsweredInPlace(HandlerMethodReturnValueHandler spring) {
        this.spring = spring;
    }

    /** Puts the handler before Spring MVC's own for futures, in the application's request mapping adapter. */
    static BeanPostProcessor installer() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getReturnValueHandlers() != null) {
                    List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>(adapter.getReturnValueHandlers());
                    handlers.stream().filter(DeferredResultMethodReturnValueHandler.class::isInstance).findFirst()
                            .ifPresent(futures -> handlers.add(0, new CallsAnsweredInPlace(futures)));
                    adapter.setReturnValueHandlers(handlers);
                }
                return bean;
            }
        };
    }

    @Override
    public boolean supportsReturnType(MethodParameter returnType) {
        return PlatformHttpConsumer.class.isAssignableFrom(returnType.getContainingClass())
                && CompletableFuture.class.isAssignableFrom(returnType.getParameterType());
    }

    @Override
    public void handleReturnValue(Object returnValue, MethodParameter returnType, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest) throws Exception {
        if (returnValue instanceof CompletableFuture<?> call && call.isDone() && !call.isCompletedExceptionally()) {
            mavContainer.setRequestHandled(true);
            return;
        }
        spring.handleReturnValue(returnValue, returnType, mavContainer, webRequest);
    }
}
