# 计划无法与登记册关联，或登记册和译文无法读取的原因（src/link/error.rs）：供维护 data/ 的人员
# 阅读。带引号的文本（"…"）与计划或数据文件中的原文一致；$file 为 data/ 下的路径。

link-unknown-participant = 第{ $measure }项措施：参与方 { $text } 不是登记册中的成员国
link-unknown-executor = 第{ $measure }项措施：执行机构 { $text } 不是 { $file } 中的机构
link-unknown-issuing-body = 决议的发布机关 { $text } 不在登记册中
link-unknown-place = 决议的通过地点 { $text } 不在登记册中
link-unknown-signatory-state = 决议的签署国 { $text } 不在登记册中
link-title-names-no-document = 计划标题未提及登记册中的任何文件：{ $title }
# $lang：en 或 zh。
link-missing-translation = 第{ $measure }项措施在 { $file } 中没有{ $lang ->
    [en] 英文
    [zh] 中文
   *[other] { $lang }
}文本

## 登记册或译文文件，位于“文件:行：”之后。

link-translation-language = 未知语言 { $lang }
link-no-measure-label = 缺少 { $lang } 的措施标签
link-entity-not-a-slug = 实体 { $id }：标识符只能由 a-z、0-9 和“-”组成
link-entity-no-label = 实体 { $id }：缺少 { $lang } 标签
link-entity-unknown-language = 实体 { $id }：未知语言 { $lang }
link-entity-not-a-qid = 实体 { $id }：wikidata { $wikidata } 不是 Q 标识符
link-entity-bad-date = 实体 { $id }：日期 { $date } 既不是 YYYY 也不是 YYYY-MM-DD 格式
link-entity-document-fields = 实体 { $id }：文件必须有 doc_kind 和 status
link-entity-not-a-document = 实体 { $id }：只有文件才能有 doc_kind、status 和 date
link-entity-id-twice = 实体 { $id }：该标识符出现了两次
link-entity-shared-form = 实体 { $id }：匹配形式 { $form } 也属于 { $other }
link-entity-scope-not-a-match-form = 实体 { $id }：executor_scope 中的形式 { $form } 不是其匹配形式之一
link-entity-scope-names-no-state = 实体 { $id }：executor_scope 中的形式 { $form } 标为 named，但未列出任何成员国
link-entity-scope-not-an-executor = 实体 { $id }：executor_scope 中的形式 { $form } 不是原文任何措施的执行机构
link-entity-unknown-parent = 实体 { $id }：上级实体 { $parent } 不在此文件中
link-entity-coordinates-incomplete = 实体 { $id }：lat、long 和 coordinates_source 须同时给出（一个点需要两个坐标及其来源）
link-entity-coordinate-out-of-range = 实体 { $id }：{ $field } { $value } 超出范围（{ $field ->
        [lat] -90 至 90
       *[other] -180 至 180
    } 度）
link-entity-coordinates-not-a-place = 实体 { $id }：只有地点才有 lat、long 和 coordinates_source
