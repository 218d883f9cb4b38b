import nbformat
from nbformat.v4 import new_notebook, new_markdown_cell as md, new_code_cell as code

cells = [
md("""# Court liaison: do sentencers know what is on offer, and does it matter?

In 2017 the Chief Inspector of Probation found that magistrates and district judges did not always
know what was available locally, that sentencers were frustrated by rehabilitation activity
requirements (RARs), and that the effectiveness of managers tended to determine how well courts and
the probation providers (the National Probation Service, NPS, and the Community Rehabilitation
Companies, CRCs) worked together. This notebook asks four questions:

1. Do sentencers know what is on offer, and does it show in their sentencing?
2. Are RARs delivered as ordered?
3. Are breaches referred on time?
4. Do liaison managers make the difference?

> **Published or synthetic?** Only a few of the numbers below are published, and each is marked
> *published*, with its source. **Everything at court level is synthetic.** No court-level data on
> reports, sentences, RAR delivery, breach referral or sentencer opinion is public, so this notebook
> uses data made by `CourtDataGenerator`, calibrated to the published totals. Those synthetic
> results show how the method works and what real data would need to show. They are **not**
> findings about real courts."""),
md("""## Data and provenance

| data | kind | source |
|---|---|---|
| Pre-sentence report mix, June 2018 to June 2019: 535 oral, 237 short format, 30 standard delivery | **published** | HMI Probation, R&A Bulletin 2020/04 (`data/reference/court_published.csv`) |
| 19,021 community and suspended sentence orders in April to June 2016, 36% with a RAR; "more than 1 in 10" RARs with no purposeful activity | **published** | HMI Probation, RAR thematic, 22 Feb 2017 (same file) |
| CRC service level AE, breach referral within 8 business days, national, quarterly, April 2017 to June 2019 | **published** | data.justice.gov.uk CRC performance (`data/reference/crc_service_levels_national_quarterly.csv`) |
| Bank holidays in England and Wales, 2014 to 2021 | **published** | gov.uk bank holidays (`data/reference/bank_holidays_england_wales.csv`) |
| Courts, reports and sentences, orders and RAR days, breaches, sentencer survey | **synthetic** | `data/sample/court/`: `CourtDataGenerator.generate(2014, 0.1)`, checked against `manifest.csv` (SHA-256 of each file) |

The synthetic data has one court group per police area (42), each with a liaison manager rated
STRONG, ADEQUATE or WEAK. **No such rating is published**; it, and its effects, are assumptions
of the generator."""),
code("""var published = PublishedCourtFigures.standard();
var data = CourtData.sample();
var court = CourtLiaison.of(data);
data.provenance()"""),
code("""published.table()"""),
md("""## 1. Do sentencers know what is on offer?

**Method.** Each survey item is a statement answered on a five-point agreement scale. The answers
are ordinal, so we report no mean: for each item, the median level with a distribution-free
interval (order statistics), and the share agreeing ("agree" or "strongly agree") with a 95% Wilson
interval (`OrdinalSummary`)."""),
code("""court.surveySummary()"""),
code("""Charts.horizontalBar(
    "Sentencers agreeing with each statement (share)",
    court.surveySummary(), "item", "agree", data.provenance())"""),
md("""**Result (synthetic).** About a quarter of synthetic sentencers say they know what is available
locally, and fewer still are confident in CRC delivery. The generator was *told* to produce a
pattern like this, to echo the Chief Inspector's qualitative findings; no published survey gives
these shares."""),
md("""### ... and does it show in their sentencing?

**Method.** Concordance is the share of sentences of the same kind as the report proposed
(custody, suspended sentence order, community order, or a fine or discharge). If sentencers who
know what is on offer trust the proposals more, courts whose sentencers say they know should
follow more proposals. Below: concordance by the provider that supervises the sentence, then one
point per court."""),
code("""court.concordance("supervising_provider")"""),
code("""Charts.scatter(
    "Courts: share of sentencers aware of local services vs share of sentences following the proposal",
    court.courtProfile(), "aware_share", "concordance", data.provenance())"""),
md("""**Result (synthetic).** The courts where more sentencers say they know the local services follow
more proposals. In this data that link exists because the generator gives both the same court
effect and the same liaison-manager effect: it is the generator's assumption coming back out. With
real data, this plot (and a rank correlation) is the test; about 8 respondents a court makes each
court's awareness share very uncertain.

The reports themselves: the mix of types is calibrated to the published mix; timeliness (delivered
by the day the court needed the report) is synthetic."""),
code("""court.reportMix()"""),
code("""court.timeliness()"""),
md("""## 2. Are RARs delivered as ordered?

**Published.** Of 19,021 community and suspended sentence orders made in April to June 2016, 36%
had a RAR; in more than 1 in 10 RAR cases the inspectors found no purposeful activity (HMIP RAR
thematic, Feb 2017).

**Method.** The synthetic orders are one tenth of that quarter. For orders with a RAR we compare
the days ordered with the days delivered, and count RARs delivered in full and with no activity at
all, each with a 95% Wilson interval."""),
code("""display(court.rarShare());
published.rarShare2016Q2()"""),
code("""court.rarDelivery("supervising_provider")"""),
code("""Charts.bar(
    "Share of RAR days delivered, by supervising provider",
    court.rarDelivery("supervising_provider"), "supervising_provider", "delivered_ratio",
    data.provenance())"""),
md("""**Result.** The synthetic RAR share (about 36%) reproduces the published figure, as it was built
to; the share with no purposeful activity (about 12%) was set to fit "more than 1 in 10". How many
RAR days are delivered is **not published**: the synthetic figure (about three quarters of days
ordered) is an assumption, shown to make the measure concrete. Real data would need, per order, the
RAR days ordered and the activity days recorded (nDelius contacts) by the end of the order."""),
md("""## 3. Are breaches referred on time?

**Published.** CRC service level AE is the share of alleged breaches referred for presentation to
court within 8 business days of the CRC becoming aware. The national quarterly values, as published:"""),
code("""var ae = published.serviceLevelSeries(PublishedCourtFigures.BREACH_REFERRAL_CODE);
ae"""),
code("""Charts.line(
    "CRC service level AE: breaches referred within 8 business days, England and Wales (%)",
    ae, "quarter", "percent",
    "Published: data.justice.gov.uk, CRC performance, measure CRC SCH9 AE (all CRCs)")"""),
md("""**Result (published).** Between 86.6% and 92.7% of breaches were referred within 8 business
days in each quarter from April 2017 to June 2019: roughly 1 in 10 was late, with no clear trend
until 2019, when the share rose above 92%.

**What the series cannot show.** It gives no counts, so no interval can be put on a quarter; it
is national, so it cannot say which CRCs or courts are late; it says nothing of *how* late the late
referrals were; it covers CRCs only (not the NPS); and it is the providers' own measure.

**Method with referral-level data (synthetic).** Given the day a CRC became aware and the day it
referred, `BusinessDays` counts the business days between them (weekdays less the England and
Wales bank holidays, e.g. Good Friday and Easter Monday), and each quarter gets a Wilson interval.
The synthetic referrals are calibrated to the published quarters:"""),
code("""court.breachReferral()"""),
md("""## 4. Do liaison managers make the difference?

**Method.** Compare courts by their liaison manager's rating: the difference in concordance between
courts rated STRONG and WEAK, with Newcombe's hybrid score interval; then a funnel plot of every
court's concordance against 95% and 99.8% limits around the pooled share, so that small courts are
not judged by chance alone."""),
code("""court.concordance("liaison_rating")"""),
code("""court.liaisonEffectOnConcordance(LiaisonRating.STRONG, LiaisonRating.WEAK)"""),
code("""import tech.tablesaw.plotly.components.*;
import tech.tablesaw.plotly.traces.*;
var f = court.concordanceFunnel();
var x = f.intColumn("reports");
List<Trace> traces = new ArrayList<>();
traces.add(ScatterTrace.builder(x, f.doubleColumn("share"))
    .mode(ScatterTrace.Mode.MARKERS).name("court").build());
for (String c : List.of("lower95", "upper95", "lower998", "upper998"))
  traces.add(ScatterTrace.builder(x, f.doubleColumn(c)).mode(ScatterTrace.Mode.LINE).name(c).build());
var layout = Layout.builder(
    "Concordance by court: funnel around the pooled share", "reports", "share following the proposal").build();
new Chart(new Figure(layout, traces.toArray(new Trace[0])), data.provenance())"""),
code("""f.where(f.booleanColumn("outside998").isTrue())"""),
md("""**Result (synthetic).** Courts with a STRONG liaison manager follow more proposals than courts
with a WEAK one, and the interval for the difference excludes zero; the courts outside the 99.8%
limits are mostly rated STRONG (above) or WEAK (below). **This is the generator's assumption**
(a liaison effect of ±0.4 on the log-odds) coming back out, not evidence. What it shows is that,
with real data of this size (about 4,000 reports across 42 court groups), an effect of that size
would be detected, and the funnel would show which courts stand out.

## Caveats

- Court-level data is synthetic; only the figures marked *published* are real.
- No liaison-manager rating exists in published data; to test the Chief Inspector's observation one
  would need a rating made before, and independently of, the outcomes.
- Concordance depends on how proposals and sentences are grouped; a proposal for a community order
  with a RAR followed by one with unpaid work counts as followed here.
- The AE series is national and has no counts; the synthetic per-quarter intervals are only as
  good as the assumed 200 breaches a quarter in the sample.
- The published PSR mix comes from the reports HMI Probation examined (802), not national totals.
- Business days are counted after the day of awareness, up to and including the day of referral,
  using England and Wales bank holidays; dates outside 2014 to 2021 are refused."""),
]
nb = new_notebook(cells=cells, metadata={
    "kernelspec": {"name": "probation-lens", "display_name": "Probation Lens (Java)", "language": "java"},
    "language_info": {"name": "java"}})
nbformat.write(nb, "notebooks/04-court-liaison.ipynb")
