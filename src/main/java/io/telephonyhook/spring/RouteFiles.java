package io.telephonyhook.spring;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The route files {@code hook.routes} names. A {@code classpath:} pattern whose wildcards are all in the file name
 * ({@code classpath:telephony-hook/routes/*.camel.yaml}, the default) is listed by Spring's resolver, which reads a
 * jar's directory only; Camel's Spring Boot resolver reads (inflates) every entry of the jar instead, 2.5 s of the
 * start when the hook runs as one flat jar. Each file is still handed to Camel as {@code classpath:dir/name}, the
 * name its errors quote. Any other pattern ({@code file:}, wildcards in the folders) goes to Camel's own resolver.
 */
final class RouteFiles {

    private static final String CLASSPATH = "classpath:";

    private RouteFiles() {
    }

    static Collection<Resource> find(CamelContext camel, String pattern) throws Exception {
        String path = pattern.startsWith(CLASSPATH) ? pattern.substring(CLASSPATH.length()) : null;
        int slash = path == null ? -1 : path.lastIndexOf('/');
        String folder = slash < 0 ? null : path.substring(0, slash + 1);
        if (folder == null || folder.contains("*") || folder.contains("?") || folder.startsWith("/")) {
            return PluginHelper.getPackageScanResourceResolver(camel).findResources(pattern);
        }
        return inFolder(camel, folder, pattern);
    }

    private static List<Resource> inFolder(CamelContext camel, String folder, String pattern) throws IOException {
        List<Resource> files = new ArrayList<>();
        for (org.springframework.core.io.Resource found
                : new PathMatchingResourcePatternResolver(camel.getApplicationContextClassLoader()).getResources(pattern)) {
            if (found.isReadable() && found.getFilename() != null) {
                files.add(ResourceHelper.resolveResource(camel, CLASSPATH + folder + found.getFilename()));
            }
        }
        files.sort((one, other) -> one.getLocation().compareTo(other.getLocation()));
        return files;
    }
}
