package samples;

/** Methods named like secrets: what they return is redacted as a field of that name is. */
public class Secrets {
  record Creds(String user, String apiKey) {}

  static class Login {
    private final String password = "hunter2";

    String getPassword() {
      return password;
    }

    int authToken() {
      return 4242;
    }

    int attempts() {
      return 3;
    }
  }

  public static void main(String[] args) {
    Creds c = new Creds("ada", "sk-LIVE-123");
    String k = c.apiKey();
    String user = c.user();
    Login login = new Login();
    String typed = login.getPassword();
    int token = login.authToken();
    int attempts = login.attempts();
    System.out.println(user + " " + k.length() + " " + typed.length() + " " + token + " " + attempts);
  }
}
