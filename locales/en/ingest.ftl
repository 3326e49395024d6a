# Why the plan's source text could not be read (src/ingest/error.rs). The CLI prints them after
# "file:line: ". Source fragments come already quoted ("…", with invisible characters
# escaped) and stay as they are; $example and $mark are text of the source's format, in Russian.

ingest-empty = the source is empty
ingest-not-utf8 = the source is not valid UTF-8 (byte { $byte } of the line)
ingest-measure-number = expected measure { $expected }, found measure { $found }
# $part: text, participants, executors, text-end (a text continued below a page break).
ingest-missing-field = measure { $measure } has no { $part ->
    [text] text
    [participants] participating-states cell
    [text-end] text's end
   *[executors] executors
}
ingest-heading-inside-measure = section heading { $heading } stands inside measure { $measure }, before its { $part ->
    [text] text
    [participants] participating-states cell
    [text-end] text's end
   *[executors] executors
}
ingest-empty-section = section { $section } ({ $heading }) has no measures
ingest-participants = measure { $measure }: the participating-states cell { $cell } is not a list of states
# Dates as YYYY-MM-DD.
ingest-approval-mismatch = the plan is approved by decision № { $approved-number } of { $approved-date }, but the decision is № { $number } of { $date }

## A line holds $found where the format has something else.

ingest-expected-capital-heading = expected the organisation and the issuing body, in capitals, found { $found }
ingest-expected-act-kind-line = expected the kind of act on a line of its own, in capitals, found { $found }
ingest-expected-date-line = expected the decision's date, number and place ("{ $example }"), found { $found }
ingest-expected-valid-date = expected a valid date, found { $found }
ingest-expected-decision-number = expected a decision number, found { $found }
ingest-expected-signature = expected a signature: an office followed by a state, found { $found }
ingest-expected-approval-note = expected the approval note ("{ $mark }"), found { $found }
ingest-expected-approval-reference = expected the approving decision's number and date ("{ $example }"), found { $found }
ingest-expected-section-heading = expected a section heading, found { $found }
ingest-expected-measure = expected measure { $measure }, found { $found }

## The source ends before a part of the document.

ingest-missing-decision-heading = the source ends before the decision's heading
ingest-missing-act-kind = the source ends before the kind of act ({ $example })
ingest-missing-date-line = the source ends before the decision's date, number and place
ingest-missing-decision-title = the source ends before the decision's title
ingest-missing-operative-text = the source ends before the decision's operative text
ingest-missing-signatures = the source ends before the signatures
ingest-missing-annex = the source ends before the annex ("{ $mark }")
ingest-missing-approval-note = the source ends before the approval note ("{ $mark }")
ingest-missing-plan-title = the source ends before the plan's title
ingest-missing-preamble = the source ends before the preamble
ingest-missing-header-row = the source ends before the table's header row ("{ $example }")
ingest-missing-first-section-heading = the source ends before the first section heading
ingest-missing-measure-text-end = the source ends before the end of measure { $measure }'s text
ingest-missing-measure-part = the source ends before measure { $measure }'s { $part ->
    [text] text
    [participants] participating-states cell
    [text-end] text's end
   *[executors] executors
} (begun at line { $line })
ingest-missing-section-measures = the source ends before the measures of section { $section } ({ $heading })
