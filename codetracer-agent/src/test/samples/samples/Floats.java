package samples;

/** A float in every place a value is recorded (and a double), printed as Java prints them. */
public class Floats {
  static class Holder {
    float field = 0.1f;
  }

  static float half(float x) {
    return x / 2;
  }

  public static void main(String[] args) {
    float f = 0.1f;
    double d = 0.1;
    float[] fs = new float[2];
    fs[0] = 0.3f;
    Float boxed = 0.7f;
    Holder holder = new Holder();
    float h = half(0.3f);
    System.out.println(f + " " + d + " " + fs[0] + " " + boxed + " " + holder.field + " " + h);
  }
}
