# HTML 页面的消息（src/pages）。资源名称取自图谱。

## 每个页面的框架

site-name = 上合组织2021—2025年行动计划 · 知识图谱
page-title = { $title } — { $site }
nav-services = 数据服务
nav-languages = 语言
nav-breadcrumbs = 当前位置
nav-home = 首页
nav-query = 查询编辑器
nav-sparql = SPARQL 端点
nav-ontology = 本体
nav-source = 源文本
nav-void = 数据集描述（VoID）
nav-dumps = 下载：
nav-lookup = 实体检索
nav-openapi = API 说明（OpenAPI）
footer-about = 本计划以俄文文本为准；英文和中文文本为非官方译文。数据许可：CC BY 4.0。
lang-autonym-ru = Русский
lang-autonym-en = English
lang-autonym-zh = 中文

## 名称与取值

fallback-badge = { $lang ->
    [ru] 俄文
    [en] 英文
   *[zh] 中文
}
fallback-title = 暂无中文，显示的是{ $lang ->
    [ru] 俄文
    [en] 英文
   *[zh] 中文
}。
span-label = 源文本第{ $start }—{ $end }行
source-text-label = 源文本：{ $title }
wikidata-item = 维基数据 { $id }
date-day = { $year }年{ $month }月{ $day }日
date-year = { $year }年
measures-count = { $count }项措施
format-turtle = Turtle
format-ntriples = N-Triples
format-rdfxml = RDF/XML
format-jsonld = JSON-LD

## 标题区

persistent-iri = 永久 IRI
rdf-formats = RDF：
also-called = 又称：
in-other-languages = 其他语言：

## 基本信息

fact-section = 章节
fact-plan = 计划
fact-number = 编号
fact-participation = 参与范围
fact-participants = 参与国（{ $count }）
fact-executors = 执行机构（{ $count }）
fact-participants-text = “参与国”栏
fact-executors-text = “执行机构”栏
fact-documents = 文件
fact-places = 地点
fact-initiatives = 倡议
fact-bodies = 机构
fact-states = 国家
fact-parent-body = 隶属于
fact-sub-bodies = 下属机构
fact-members = 成员国
fact-issued = 通过的文件
fact-wikidata = 维基数据
fact-coordinates = 坐标
coordinates-value = { $ns ->
        [south] 南纬
       *[north] 北纬
    } { $lat }°，{ $ew ->
        [west] 西经
       *[east] 东经
    } { $long }°
coordinates-osm = OpenStreetMap
coordinates-osm-title = 在 OpenStreetMap 上查看此点（外部网站）
map-heading = 地图
map-label = 图谱中各地点的地图，标出：{ $place }
map-caption = 图谱中带有坐标的地点（{ $count } 个，WGS84），采用等距圆柱投影：经度 { $west } 至 { $east }，纬度 { $south } 至 { $north }。未绘制国界和海岸线。地区以资料中为其记载的点（计算所得的中心或纪念碑）表示，而非其范围。
fact-document-kind = 类型
fact-document-status = 状态
fact-date = 日期
fact-implemented-by = 落实于
fact-plan-references = 援引于
fact-member-of = 所属组织
fact-signatory = 签署人
fact-decision-place = 在此通过
fact-approved-by = 批准决议
fact-implements = 落实
fact-source = 来源
fact-place = 地点
fact-issued-by = 通过机构
fact-approves = 批准
fact-state = 国家
fact-office = 职务
fact-decision = 决议
fact-language = 语言
fact-format = 格式
fact-lines = 行
fact-spans = 源文本片段
fact-measure = 措施
fact-offsets = 字符位置

## 文本

text-heading = 内容
preamble-heading = 序言
translation-note = 中文文本为非官方译文，以本计划的俄文文本为准。
translation-missing = 此文本暂无中文译文，显示的是作为准据的俄文文本。
authoritative-russian-heading = 俄文准据文本
as-written-heading = 计划原文
as-written-intro = 计划表格中“参与国”和“执行机构”两栏的俄文原文。

## 措施

mentions-heading = 文中提及
mentions-none = 文中未提及登记册中的文件、地点、倡议、机构或国家。
source-heading = 来源
source-open = 在源文本中打开
source-excerpt = 显示源文本
section-measures-heading = { $count }项措施
sections-heading = 章节（{ $count }）
plan-references-heading = 序言中提及的文件

## 机构、文件、国家、地点

body-executes-heading = 负责执行的措施（{ $count }）
body-executes-none = 该机构不是任何措施的执行机构。
body-coexecutors-heading = 共同执行机构（{ $count }）
body-coexecutors-none = 没有其他机构执行相同的措施。
mentioned-in-heading = 提及它的措施（{ $count }）
mentioned-in-none = 没有措施提及它。
document-cited-heading = 援引该文件的措施（{ $count }）
document-cited-none = 没有措施援引该文件。
state-participates-heading = 参与的措施（{ $count }）
state-participates-none = 未参与任何措施。

## 决议、签署人与源文本

signatories-heading = 签署人（{ $count }）
source-read = 阅读源文本
source-derived-heading = 据此生成（{ $count }）

## 表格

column-number = 序号
column-section = 章节
column-measures = 措施
column-body = 机构
column-shared-measures = 共同措施
column-executes = 执行的措施
column-state = 国家
column-participates = 参与
column-document = 文件
column-kind = 类型
column-date = 日期
column-cited = 被援引
column-office = 职务
column-signatory = 签署

## 图谱中的链接

links-heading = 链接
links-none = 该资源未链接到其他资源。
referenced-by-heading = 被引用
referenced-by-none = 没有资源链接到该资源。
referenced-by-intro = 共有{ $count }条链接指向该资源，按属性列出：
pred-rdf-type = 类型
pred-skos-preflabel = 首选名称
pred-skos-altlabel = 别名
pred-skos-notation = 标记
pred-skos-note = 注释
pred-skos-inscheme = 所属体系
pred-skos-topconceptof = 顶层概念所属体系
pred-skos-hastopconcept = 顶层概念
pred-owl-sameas = 等同于
pred-prov-wasderivedfrom = 来源于
pred-dcterms-format = 格式
pred-dcterms-language = 语言
pred-oa-start = 起始位置
pred-oa-end = 结束位置
pred-org-suborganizationof = 隶属于

## 首页

home-kicker = 关联数据
home-intro = 以知识图谱形式呈现计划的{ $sections }个章节和{ $measures }项措施：谁参与、谁执行、每项措施提及哪些文件、地点和倡议，以及它在源文本中的位置。
home-read-plan = 计划
home-read-decision = 批准决议
home-read-source = 源文本
search-label = 检索实体
search-placeholder = 机构、国家、文件或词语：反恐、银联体、杜尚别……
search-button = 检索
home-bodies-heading = 主要执行机构
home-bodies-intro = 共有{ $count }个机构负责执行措施，以下为执行措施最多的机构：
home-all-bodies = 全部机构（{ $count }）
home-states-heading = 成员国（{ $count }）
home-documents-heading = 文件（{ $count }）
home-places-heading = 地点（{ $count }）
home-initiatives-heading = 具名倡议（{ $count }）
home-data-heading = 数据与服务
service-sparql = 供各类工具使用的 SPARQL 1.1 端点
service-query = 在浏览器中编写和运行 SPARQL 查询
service-dumps = 整个图谱的单文件下载
service-ontology = 图谱使用的类和属性
service-source = 构建图谱所依据的俄文文本
service-void = 数据集的规模、下载与许可
service-lookup = 以三种语言中的任一种按名称检索实体（JSON）
service-openapi = 检索与实体 API、SPARQL 端点和健康检查的参数与响应（OpenAPI 3.1，JSON）

## 未找到

not-found-heading = 未找到
not-found-text = 知识图谱中没有该地址对应的资源：

## 搜索结果页（/search）

search-heading = 搜索
search-title = 搜索：{ $query }
search-type-label = 类型
search-type-all = 全部类型
search-type-body = 机构
search-type-state = 成员国
search-type-document = 文件
search-type-place = 地点
search-type-initiative = 具名倡议
search-type-measure = 措施
search-type-section = 章节
search-type-plan = 计划
search-type-decision = 决议
search-match-exact = 完全匹配
search-match-prefix = 与名称中的词匹配
search-match-fuzzy = 拼写相近
search-match-text = 见于正文
search-field-preflabel = 名称：
search-field-altlabel = 又称：
search-field-text = 正文：
search-field-number = 编号：
search-found-heading = “{ $query }”的搜索结果
search-found-count = 共{ $count }条结果，按类型分组；三种语言的名称均可匹配。
search-found-more = 仅显示最佳的{ $limit }条结果：可添加词语或选择类型以缩小范围。
search-none-heading = 未找到与“{ $query }”相关的内容
search-none-intro = 图谱中没有与该查询匹配的名称、别名或措施正文。您可以：
search-tip-spelling = 检查拼写：四至七个字母的单词容许一处拼写错误，更长的单词容许两处，更短的单词、缩写和数字不容许；
search-tip-language = 尝试用俄文、英文或中文输入名称：三种语言的名称都会被检索，但词语不会被翻译或音译（“Интербанк”找不到“Interbank”）；
search-tip-all-types = 在全部类型中搜索，而不仅限于所选类型；
search-tip-sections = 按章节浏览行动计划；
search-tip-home = 在首页查看主要机构、国家和文件；
search-tip-sparql = 或在 SPARQL 查询编辑器中向图谱提出任何问题。
search-refused-heading = 无法搜索该查询
search-refused-limits = 请输入名称或其中几个词：最多 { $chars } 个字符、{ $words } 个词。

## 本体页面（/ontology）

ontology-contents = 目录
ontology-classes-heading = 类（{ $count }）
ontology-object-properties-heading = 对象属性（{ $count }）
ontology-datatype-properties-heading = 数据属性（{ $count }）
ontology-individuals-heading = 具名个体（{ $count }）
ontology-fact-iri = IRI
ontology-fact-prefix = 前缀
ontology-fact-version = 版本
ontology-fact-license = 许可协议
ontology-fact-shapes = 形状
ontology-fact-type = 类型
ontology-fact-subclass-of = 父类
ontology-fact-one-of = 取值之一
ontology-fact-subproperty-of = 父属性
ontology-fact-inverse-of = 逆属性
ontology-fact-characteristics = 特性
ontology-functional = 函数型
ontology-inverse-functional = 反函数型
ontology-fact-domain = 定义域
ontology-fact-range = 值域
ontology-fact-properties-from = 其实例的属性
ontology-fact-properties-to = 指向它的属性
ontology-fact-scheme = 所属概念体系
ontology-fact-notation = 记号
ontology-fact-uses = 图谱中的使用
ontology-uses-class = { $count }个实例
ontology-uses-property = 用于{ $count }个三元组
ontology-uses-individual = 被{ $count }个三元组引用
ontology-fact-example = 示例
ontology-example-none = 图谱中未使用

# As-you-type suggestions under a search box (web/suggest.js): the list's accessible name.
search-suggestions-label = 搜索建议
