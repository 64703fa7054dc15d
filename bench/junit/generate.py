#!/usr/bin/env python3
"""Writes the benchmark's sample suite: CLASSES test classes of TESTS tests each (500 by default),
1% of them failing, each doing a small piece of the work unit tests do (parsing, collections,
string building). Usage: generate.py OUTPUT_DIR [CLASSES] [TESTS]"""
import os
import sys

out = sys.argv[1]
classes = int(sys.argv[2]) if len(sys.argv) > 2 else 25
tests = int(sys.argv[3]) if len(sys.argv) > 3 else 20
pkg = os.path.join(out, "bench")
os.makedirs(pkg, exist_ok=True)

with open(os.path.join(pkg, "Invoices.java"), "w") as f:
    f.write("""package bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The code under test: parses invoice lines, totals them by customer, formats a report. */
public final class Invoices {
  private Invoices() {}

  public static List<int[]> parse(String csv) {
    List<int[]> lines = new ArrayList<>();
    for (String row : csv.split(";")) {
      String[] cells = row.split(",");
      lines.add(new int[] {Integer.parseInt(cells[0].trim()), Integer.parseInt(cells[1].trim())});
    }
    return lines;
  }

  public static Map<Integer, Integer> totals(List<int[]> lines) {
    Map<Integer, Integer> totals = new TreeMap<>();
    for (int[] line : lines) {
      totals.merge(line[0], line[1], Integer::sum);
    }
    return totals;
  }

  public static String report(Map<Integer, Integer> totals) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<Integer, Integer> entry : totals.entrySet()) {
      text.append("customer ").append(entry.getKey()).append(": ").append(entry.getValue()).append('\\n');
    }
    return text.toString();
  }

  public static String csv(int seed, int rows) {
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      if (i > 0) {
        csv.append(';');
      }
      csv.append((seed + i) % 7).append(',').append((seed * 31 + i * 17) % 100);
    }
    return csv.toString();
  }
}
""")

number = 0
for c in range(classes):
    name = "Suite%02dTest" % c
    with open(os.path.join(pkg, name + ".java"), "w") as f:
        f.write("package bench;\n\n")
        f.write("import static org.junit.jupiter.api.Assertions.assertEquals;\n\n")
        f.write("import java.util.Map;\n")
        f.write("import org.junit.jupiter.api.Test;\n\n")
        f.write("class %s {\n" % name)
        for t in range(tests):
            failing = number % 100 == 37
            seed = number
            rows = 40
            expected_sum = sum((seed * 31 + i * 17) % 100 for i in range(rows))
            if failing:
                expected_sum += 1
            f.write("""  @Test
  void invoice%d() {
    Map<Integer, Integer> totals = Invoices.totals(Invoices.parse(Invoices.csv(%d, %d)));
    int sum = 0;
    for (int value : totals.values()) {
      sum += value;
    }
    String report = Invoices.report(totals);
    assertEquals(%d, sum, report);
  }

""" % (t, seed, rows, expected_sum))
            number += 1
        f.write("}\n")
print("%d tests in %d classes, %d failing" % (number, classes, sum(1 for n in range(number) if n % 100 == 37)))
