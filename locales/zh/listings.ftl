## 导航。
nav-home = 首页
nav-sites = 用地厂房
nav-opportunities = 投资项目
nav-about = 中心简介
nav-contact = 联系我们
nav-privacy = 隐私声明
nav-footer = 更多
nav-main = 主菜单

## 地块列表。
sites-title = 生产用地与厂房
sites-description = 哈萨克斯坦与乌兹别克斯坦边境两侧的用地、厂房、仓库及保税仓储，提供面积、配套设施、价格及可用状态等信息。
sites-lead = 边境两侧的地块与厂房。可按项目需求进行筛选；所有筛选条件均保存在网址中，便于收藏或分享筛选结果。
filter-heading = 筛选
filter-search = 搜索
filter-search-hint = 可输入任意语言的关键词，或地块编号（如 KZ-P1）
filter-zone = 功能区
filter-kind = 类型
filter-tenure = 租赁或出售
filter-availability = 可用状态
filter-side = 所在边境一侧
filter-any = 不限
filter-min-area = 用地面积下限（平方米）
filter-max-area = 用地面积上限（平方米）
filter-min-power = 最低电力容量（千瓦）
filter-sort = 排序方式
filter-apply = 查询地块
filter-reset = 清除筛选条件
sort-newest = 最新发布
sort-area-desc = 面积从大到小
sort-area-asc = 面积从小到大
sort-price-asc = 价格从低到高
filter-invalid = { $field }：无法识别该值，已忽略。
results-count = { $count ->
    [0] 没有符合筛选条件的地块。
    [one] 共有 { $count } 个地块符合条件。
   *[other] 共有 { $count } 个地块符合条件。
}
results-none-hint = 请减少筛选条件，或换个关键词搜索。
pagination-label = 分页
pagination-previous = 上一页
pagination-next = 下一页
pagination-status = 第 { $page } 页，共 { $pages } 页

## 地块卡片与详情页。
site-land-area = 用地面积
site-built-area = 建筑面积
site-ceiling-height = 净空高度
site-floor-load = 地面承重
site-power = 电力容量
site-water = 供水
site-gas = 天然气
site-rail-siding = 铁路专用线
site-rail-siding-yes = 有
site-rail-siding-no = 无
site-dist-border = 距边境口岸
site-dist-rail = 距火车站
site-dist-airport = 距国际机场
site-tenure = 租售方式
site-price = 价格
site-price-lease = 每{ $unit }每年 { $amount }
site-availability = 可用状态
site-available-from = { $date }起可用
site-side = 所在边境一侧
site-regime = 适用法律制度
site-zone = 功能区
site-kind = 类型
site-phase = 建设期次
site-phase-value = 第 { $phase } 期
site-coordinates = 坐标
site-specifications = 技术参数
site-photos = 图片
site-brochure = 下载宣传册（PDF）
site-location = 在中心规划图上的位置
site-related-opportunities = 该地块相关投资项目
site-back-to-list = 返回全部地块

## 带单位的计量值。
measure-m = { $value } 米
measure-t-m2 = { $value } 吨/平方米
measure-kw = { $value } 千瓦
measure-m3-day = { $value } 立方米/日
measure-m3-h = { $value } 立方米/小时
measure-km = { $value } 公里

## 中心规划图。
plan-title = 中心规划图
plan-description = 哈萨克斯坦与乌兹别克斯坦边境两侧的地块，按可用状态以不同颜色标示；点击地块即可进入其详情页。
plan-border = 国界
plan-checkpoint = 口岸
plan-kz = 哈萨克斯坦 · 阿塔梅肯
plan-uz = 乌兹别克斯坦 · 古利斯坦
plan-legend = 图例

## 投资项目。
opportunities-title = 投资项目
opportunities-description = 哈萨克斯坦—乌兹别克斯坦产业枢纽寻求合作伙伴的项目：所属行业、所需资金、项目阶段及拟合作方式。
opportunities-lead = 由中心及其合作伙伴筹备的项目，既有概念阶段的项目，也有正在寻求合作伙伴的已投产企业。
filter-sector = 行业
filter-stage = 项目阶段
filter-min-capex = 投资额下限（美元）
filter-max-capex = 投资额上限（美元）
filter-apply-opportunities = 查询项目
opportunity-results-count = { $count ->
    [0] 没有符合筛选条件的项目。
    [one] 共有 { $count } 个项目符合条件。
   *[other] 共有 { $count } 个项目符合条件。
}
opportunity-sector = 行业
opportunity-capex = 所需投资
opportunity-stage = 项目阶段
opportunity-partnerships = 拟合作方式
opportunity-jobs = 就业岗位
opportunity-payback = 预计投资回收期
opportunity-payback-years = { $years } 年
opportunity-side = 项目位置
opportunity-incentives = 优惠政策
opportunity-sites = 项目可选地块
opportunity-back-to-list = 返回全部项目

## 用地对比。
compare-title = 用地对比
compare-description = 哈乌边境产业园区生产用地并列对比，附各地块年度成本估算。
compare-lead = 最多可并列对比四处用地，并估算每处的年度成本。
compare-select = 加入对比
compare-submit = 对比已选用地
compare-empty = 请在列表中勾选两至四处用地进行对比。
compare-yearly-cost = 预估年度成本
compare-yearly-cost-value = 每年 { $amount }
compare-yearly-cost-note = 年度成本按租金单价乘以建筑面积（地块按占地面积）估算，不含水电气费用及税费，具体条件以用地负责人确认为准。
compare-for-sale = 出售：请参阅售价
