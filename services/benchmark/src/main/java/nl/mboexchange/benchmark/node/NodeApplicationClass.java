package nl.mboexchange.benchmark.node;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/** The node's {@code @SpringBootApplication} class, found on the class path. */
final class NodeApplicationClass {

    private static final String NODE_PACKAGE = "nl.mboexchange.node";

    private NodeApplicationClass() {}

    static Class<?> find() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(SpringBootApplication.class));
        var found = scanner.findCandidateComponents(NODE_PACKAGE);
        if (found.size() != 1) {
            throw new IllegalStateException(
                    "expected one @SpringBootApplication class in " + NODE_PACKAGE + ", found " + found.size());
        }
        BeanDefinition application = found.iterator().next();
        return ClassUtils.resolveClassName(application.getBeanClassName(), NodeProcess.class.getClassLoader());
    }
}
