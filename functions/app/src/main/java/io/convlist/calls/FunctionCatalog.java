package io.convlist.calls;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;

import io.convlist.api.Budgeted;
import io.quarkus.funqy.Funq;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;

/**
 * The names of the service's functions: the {@code @Funq} methods of the {@code @Budgeted} classes.
 * Metrics tag calls by function only with these names, so that a path that names none cannot add meters.
 */
@Singleton
public class FunctionCatalog {
    private final Set<String> names = new TreeSet<>();

    FunctionCatalog(BeanManager beans) {
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            if (bean.getBeanClass().isAnnotationPresent(Budgeted.class)) {
                for (Method m : bean.getBeanClass().getMethods()) {
                    Funq funq = m.getAnnotation(Funq.class);
                    if (funq != null) {
                        names.add(funq.value().isEmpty() ? m.getName() : funq.value());
                    }
                }
            }
        }
    }

    public Set<String> names() {
        return names;
    }

    public boolean contains(String function) {
        return names.contains(function);
    }
}
