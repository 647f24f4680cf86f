// PLACEHOLDER so the translator compiles; the GoTemplate implementation replaces this file.
package dev.kagentmaven.core.go;
import java.util.List;
@FunctionalInterface public interface GoTemplateFunction { Object apply(List<Object> args) throws Exception; }
