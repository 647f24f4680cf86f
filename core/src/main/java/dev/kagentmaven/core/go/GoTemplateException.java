// PLACEHOLDER so the translator compiles; the GoTemplate implementation replaces this file.
package dev.kagentmaven.core.go;
public class GoTemplateException extends RuntimeException { public GoTemplateException(String m) { super(m); } }
