package dev.codetracer.junit.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordingBudgetTest {
  @Test
  void countsRecordingsAndRecordsATestsFirstFailureOnly() {
    RecordingBudget budget = new RecordingBudget(2);
    assertThat(budget.claimFailure("a")).isEqualTo(RecordingBudget.Grant.GRANTED);
    assertThat(budget.mayRecord("a")).isFalse();
    assertThat(budget.claimFailure("a")).isEqualTo(RecordingBudget.Grant.ALREADY_RECORDED);
    assertThat(budget.mayRecord("b")).isTrue();
    assertThat(budget.claimPass()).isEqualTo(RecordingBudget.Grant.GRANTED);
    assertThat(budget.mayRecord("b")).isFalse();
    assertThat(budget.claimFailure("b")).isEqualTo(RecordingBudget.Grant.CAP_REACHED);
    assertThat(budget.firstCapReport()).isTrue();
    assertThat(budget.firstCapReport()).isFalse();
  }
}
