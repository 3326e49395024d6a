# 计划源文本无法读取的原因（src/ingest/error.rs）。命令行在“文件:行：”之后输出这些消息。
# 源文本片段已带引号（"…"，不可见字符已转义），原样保留；$example 和 $mark 是源文本格式中的
# 俄文文字。

ingest-empty = 源文本为空
ingest-not-utf8 = 源文本不是有效的 UTF-8（该行第{ $byte }个字节）
ingest-measure-number = 此处应为第{ $expected }项措施，实为第{ $found }项措施
# $part：text、participants、executors、text-end（分页后接续的正文）。
ingest-missing-field = 第{ $measure }项措施缺少{ $part ->
    [text] 正文
    [participants] “参与国”栏
    [text-end] 正文结尾
   *[executors] 执行机构
}
ingest-heading-inside-measure = 章节标题 { $heading } 位于第{ $measure }项措施之内、其{ $part ->
    [text] 正文
    [participants] “参与国”栏
    [text-end] 正文结尾
   *[executors] 执行机构
}之前
ingest-empty-section = 第{ $section }章（{ $heading }）没有任何措施
ingest-participants = 第{ $measure }项措施：“参与国”栏 { $cell } 不是国家列表
# 日期格式为 YYYY-MM-DD。
ingest-approval-mismatch = 计划由 { $approved-date } 第{ $approved-number }号决议批准，但该决议为 { $date } 第{ $number }号

## 某行出现了 $found，而按格式此处应为其他内容。

ingest-expected-capital-heading = 此处应为全部大写的组织名称和决议发布机关，实为 { $found }
ingest-expected-act-kind-line = 此处应为单独成行、全部大写的文件类型，实为 { $found }
ingest-expected-date-line = 此处应为决议的日期、编号和地点（“{ $example }”），实为 { $found }
ingest-expected-valid-date = 此处应为有效日期，实为 { $found }
ingest-expected-decision-number = 此处应为决议编号，实为 { $found }
ingest-expected-signature = 此处应为签署栏（先职务，后国家），实为 { $found }
ingest-expected-approval-note = 此处应为批准标记（“{ $mark }”），实为 { $found }
ingest-expected-approval-reference = 此处应为批准决议的编号和日期（“{ $example }”），实为 { $found }
ingest-expected-section-heading = 此处应为章节标题，实为 { $found }
ingest-expected-measure = 此处应为第{ $measure }项措施，实为 { $found }

## 源文本在文件的某一部分之前就已结束。

ingest-missing-decision-heading = 源文本在决议抬头之前结束
ingest-missing-act-kind = 源文本在文件类型（{ $example }）之前结束
ingest-missing-date-line = 源文本在决议的日期、编号和地点之前结束
ingest-missing-decision-title = 源文本在决议标题之前结束
ingest-missing-operative-text = 源文本在决议正文之前结束
ingest-missing-signatures = 源文本在签署栏之前结束
ingest-missing-annex = 源文本在附件（“{ $mark }”）之前结束
ingest-missing-approval-note = 源文本在批准标记（“{ $mark }”）之前结束
ingest-missing-plan-title = 源文本在计划标题之前结束
ingest-missing-preamble = 源文本在序言之前结束
ingest-missing-header-row = 源文本在表头行（“{ $example }”）之前结束
ingest-missing-first-section-heading = 源文本在第一个章节标题之前结束
ingest-missing-measure-text-end = 源文本在第{ $measure }项措施的正文结尾之前结束
ingest-missing-measure-part = 源文本在第{ $measure }项措施（始于第{ $line }行）的{ $part ->
    [text] 正文
    [participants] “参与国”栏
    [text-end] 正文结尾
   *[executors] 执行机构
}之前结束
ingest-missing-section-measures = 源文本在第{ $section }章（{ $heading }）的措施之前结束
