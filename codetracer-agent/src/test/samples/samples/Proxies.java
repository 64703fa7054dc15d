package samples;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

public class Proxies {
  interface Greeter {
    String greet(String name);
  }

  static class LoggingHandler implements InvocationHandler {
    @Override
    public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) {
      String name = (String) args[0];
      return "hello " + name + " via " + method.getName();
    }
  }

  public static void main(String[] args) {
    Greeter greeter = (Greeter) Proxy.newProxyInstance(
        Proxies.class.getClassLoader(), new Class<?>[] {Greeter.class}, new LoggingHandler());
    String greeting = greeter.greet("proxy");
    System.out.println(greeting);
  }
}
