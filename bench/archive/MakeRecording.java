import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a valid recording folder of about SIZE_MIB MiB for the archive benchmark: half a
 * trace.json-like event stream (compressible), a quarter random trace.bin, a fifth random rr/
 * payload files without extension (judged by sampling), and a few thousand source files.
 *
 * <p>java bench/archive/MakeRecording.java FOLDER SIZE_MIB
 */
public class MakeRecording {
  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args[0]);
    long total = Long.parseLong(args[1]) << 20;
    Files.createDirectories(folder.resolve("rr"));
    SplittableRandom random = new SplittableRandom(20261128);
    Files.writeString(folder.resolve("trace_metadata.json"),
        "{\"format_version\":1,\"recording_id\":\"0190eeee-0000-7000-8000-000000000001\",\"program\":\"/usr/bin/java\","
            + "\"args\":[\"-cp\",\"app.jar\",\"com.acme.Main\"],\"workdir\":\"/w\",\"backend\":\"jvm\","
            + "\"start_time\":\"2026-11-28T08:00:00.000Z\",\"duration_ms\":81234,\"exit_code\":0}");
    StringBuilder index = new StringBuilder("[");
    StringBuilder paths = new StringBuilder("[");
    int sources = 3000;
    for (int i = 0; i < sources; i++) {
      String path = "/w/src/main/java/com/acme/p" + (i % 40) + "/C" + i + ".java";
      paths.append(i == 0 ? "" : ",").append('"').append(path).append('"');
      index.append(i == 0 ? "" : ",").append("{\"name\":\"com.acme.C").append(i).append(".run\",\"signature\":\"()V\",\"path\":\"")
          .append(path).append("\",\"line\":").append(10 + i % 90).append(",\"inSourcemap\":true}");
      StringBuilder source = new StringBuilder("package com.acme.p" + (i % 40) + ";\n\nclass C" + i + " {\n");
      for (int line = 0; line < 120; line++) {
        source.append("  int f").append(line).append("(int x) { return x * ").append(random.nextInt(1000)).append(" + ").append(line).append("; }\n");
      }
      Path file = folder.resolve("source" + path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.append("}\n"));
    }
    Files.writeString(folder.resolve("function_index.json"), index.append("]"));
    Files.writeString(folder.resolve("trace_paths.json"), paths.append("]"));

    long json = total / 2;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(folder.resolve("trace.json")), 1 << 20)) {
      StringBuilder line = new StringBuilder(128);
      long written = 0;
      out.write("[\n".getBytes(StandardCharsets.US_ASCII));
      while (written < json) {
        line.setLength(0);
        switch (random.nextInt(4)) {
          case 0 -> line.append("{\"Step\":{\"path_id\":").append(random.nextInt(sources)).append(",\"line\":").append(random.nextInt(400)).append("}},\n");
          case 1 -> line.append("{\"Value\":{\"variable_id\":").append(random.nextInt(5000)).append(",\"value\":{\"kind\":\"Int\",\"i\":")
              .append(random.nextInt()).append(",\"type_id\":7}}},\n");
          case 2 -> line.append("{\"Call\":{\"function_id\":").append(random.nextInt(sources)).append(",\"args\":[]}},\n");
          default -> line.append("{\"Return\":{\"return_value\":{\"kind\":\"String\",\"text\":\"s").append(Long.toHexString(random.nextLong()))
              .append("\",\"type_id\":9}}},\n");
        }
        byte[] bytes = line.toString().getBytes(StandardCharsets.US_ASCII);
        out.write(bytes);
        written += bytes.length;
      }
      out.write("{\"Event\":{\"kind\":0,\"metadata\":\"\",\"content\":\"done\"}}\n]\n".getBytes(StandardCharsets.US_ASCII));
    }
    randomFile(folder.resolve("trace.bin"), total / 4, random);
    for (int i = 0; i < 4; i++) {
      randomFile(folder.resolve("rr/mmap_pack_" + i + "_payload"), total / 20, random);
    }
  }

  static void randomFile(Path file, long size, SplittableRandom random) throws IOException {
    byte[] block = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < size; written += block.length) {
        for (int i = 0; i < block.length; i += 8) {
          long value = random.nextLong();
          for (int b = 0; b < 8; b++) {
            block[i + b] = (byte) (value >>> (8 * b));
          }
        }
        out.write(block, 0, (int) Math.min(block.length, size - written));
      }
    }
  }
}
