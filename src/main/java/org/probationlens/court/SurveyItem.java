package org.probationlens.court;

import java.util.List;

/**
 * A statement put to sentencers (magistrates and district judges), answered on a five-point
 * agreement scale from 1 (strongly disagree) to 5 (strongly agree). The items follow the Chief
 * Inspector's findings on courts and RARs; the answers in this project are synthetic.
 */
public enum SurveyItem {
  /** "I know which services and interventions are available locally for the people I sentence." */
  AWARE_OF_LOCAL_SERVICES,
  /** "I am confident the National Probation Service delivers the orders I make." */
  CONFIDENT_IN_NPS,
  /** "I am confident the Community Rehabilitation Company delivers the orders I make." */
  CONFIDENT_IN_CRC,
  /** "I am frustrated by rehabilitation activity requirements." (agreement is the bad outcome) */
  FRUSTRATED_BY_RAR;

  /** The labels of the five answer levels, from 1 to 5. */
  public static final List<String> LEVELS =
      List.of(
          "strongly disagree", "disagree", "neither agree nor disagree", "agree", "strongly agree");
}
