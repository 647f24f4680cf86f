// PLACEHOLDER so the translator compiles; the GoTemplate implementation replaces this file.
package dev.kagentmaven.core.go;
import java.util.List;
import java.util.Map;
public final class GoTemplate {
  public static GoTemplate parse(String name, String text, Map<String, GoTemplateFunction> funcs) { throw new GoTemplateException("stub"); }
  public String execute(Object data) { throw new GoTemplateException("stub"); }
}
