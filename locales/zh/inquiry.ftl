## 投资意向表单、感谢页面与咨询跟踪页面，以及发送给投资者的电子邮件。
inquire-title = 提交投资意向
inquire-description = 请告诉中心您计划建设或生产的内容，投资服务部将使用您的语言予以答复。
inquire-lead = 请告诉我们您的需求。中心投资服务部会认真阅读每一份咨询，并安排专人答复您。
inquire-reply-time = { $days ->
    [one] 我们将在 { $days } 个工作日内答复。
   *[other] 我们将在 { $days } 个工作日内答复。
}
inquire-cta = 提交投资意向
form-required-note = 标有 * 的为必填项。
form-name = 您的姓名
form-company = 公司或机构名称
form-country = 国家（地区）
form-email = 电子邮箱
form-phone = 电话（选填）
form-investor-type = 投资者类型
form-investment-range = 计划投资额
form-need = 您的需求（选填）
form-need-area = 面积（平方米）
form-need-power = 用电功率（千瓦）
form-need-start = 计划启动时间（月份）
form-message = 留言
form-message-hint = 请介绍您的产品、工厂规模、时间安排，以及您希望咨询的问题。
form-reply-lang = 答复语言
form-heard-from = 您是通过什么渠道了解到本中心的？
form-choose = 请选择
form-listings = 用地与项目
form-website = 此栏请留空
form-privacy-title = 您的信息
form-privacy-notice = “中亚”国际工业合作中心将保存您提交的信息，用于答复您的咨询。中心在哈萨克斯坦和乌兹别克斯坦的投资服务部以及您所选各用地或项目的负责人将接收这些信息，因此您的信息将传输至您所在国家（地区）境外。您的信息自双方最后一次沟通之日起保存三年，期满后予以删除；您可随时要求查阅、更正或删除您的信息。
form-consent = 本人同意中心保存本人的咨询信息，并按照隐私声明所述，将其提供给中心在哈萨克斯坦和乌兹别克斯坦的投资服务部，用于答复本次咨询。
form-submit = 发送投资意向
form-errors-title = { $count ->
    [one] 有 { $count } 处填写有误，请修改。
   *[other] 有 { $count } 处填写有误，请修改。
}
form-error-required = 请填写此项。
form-error-choose = 请从选项中选择一项。
form-error-country = 请从列表中选择国家（地区）。
form-error-control = 请删除此栏中的换行符和特殊字符。
form-error-too-long = 请控制在 { $max } 个字符以内。
form-error-email = 请输入有效的电子邮箱地址，例如 name@company.com。
form-error-phone = 请输入带国家代码的电话号码，例如 +86 21 5555 0100。
form-error-number = 请输入整数。
form-error-range = 请输入 1 至 { $max } 之间的数字。
form-error-month = 请按 YYYY-MM 格式输入月份，例如 2027-03。
form-error-month-range = 请选择从本月起十年以内的月份。
form-error-listing = 所选用地或项目中有一项无法识别。
form-error-listings-many = 每次咨询最多可选择 { $max } 个用地或项目。
form-error-listing-gone = { $codes } 已停止发布，请将其移除。
form-error-consent = 请勾选同意，以便中心处理您的咨询。
form-error-rate-limited = 您在短时间内提交了多次咨询。请在 { $minutes } 分钟后重试，或直接致函“联系我们”页面所列的投资服务部。
form-error-unavailable = 您的咨询暂时无法保存，系统未存储任何信息，请稍后重新提交。
investor-type-manufacturer = 生产制造企业
investor-type-trader = 贸易公司
investor-type-logistics = 物流公司
investor-type-developer = 产业园区开发商
investor-type-fund = 投资基金
investor-type-public = 政府或公共机构
investor-type-other = 其他
investment-range-under-1m = 100 万美元以下
investment-range-1m-5m = 100 万–500 万美元
investment-range-5m-20m = 500 万–2000 万美元
investment-range-20m-100m = 2000 万–1 亿美元
investment-range-over-100m = 1 亿美元以上
investment-range-undecided = 尚未确定
heard-from-search = 搜索引擎
heard-from-exhibition = 展会或博览会
heard-from-embassy = 使馆或商务代表处
heard-from-colleague = 同事或合作伙伴
heard-from-media = 新闻媒体
heard-from-social = 社交媒体
heard-from-other = 其他
add-to-inquiry = 加入咨询
remove-from-inquiry = 从咨询中移除
inquiry-basket = { $count ->
    [one] 您的咨询中已有 { $count } 个用地或项目
   *[other] 您的咨询中已有 { $count } 个用地或项目
}
inquiry-basket-send = 填写咨询
thanks-title = 感谢您！中心已收到您的咨询
thanks-reference = 您的咨询编号为 { $reference }。
thanks-next = { $days ->
    [one] 投资服务部将在 { $days } 个工作日内以您选择的语言答复您。
   *[other] 投资服务部将在 { $days } 个工作日内以您选择的语言答复您。
}
thanks-email = 确认邮件已发送至 { $email }。
thanks-private = 此页面仅供您本人查看：请保存页面地址，以便跟踪咨询进展，切勿与他人分享。
thanks-spam-title = 感谢您的留言。
tracking-title = 您的咨询 { $reference }
tracking-sent-on = 提交时间：{ $date }
tracking-status = 状态
tracking-history = 处理记录
inquiry-status-new = 已接收
inquiry-status-assigned = 专人处理中
inquiry-status-answered = 已答复
inquiry-status-closed = 已办结
inquiry-event-received = 中心已接收
inquiry-event-routed = 已转交投资服务部
inquiry-event-assigned = 已由专人受理
inquiry-event-answered = 已答复
inquiry-event-closed = 已办结
mail-investor-subject = 您向中亚国际工业合作中心提交的咨询 { $reference }
mail-investor-greeting = 尊敬的 { $name }：
mail-investor-intro = 感谢您关注“中亚”国际工业合作中心。您的咨询已登记，编号为 { $reference }。
mail-investor-next = { $days ->
    [one] 投资服务部将在 { $days } 个工作日内答复您。
   *[other] 投资服务部将在 { $days } 个工作日内答复您。
}
mail-investor-track = 您可在专属页面跟踪咨询进展（请勿将此链接告知他人）：
mail-investor-summary = 您提交的内容
mail-investor-signoff = “中亚”国际工业合作中心投资团队
