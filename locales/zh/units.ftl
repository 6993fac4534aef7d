## 面积单位。各 `-amount` 消息将已格式化的数字与单位组合。
unit-switch-label = 面积单位
unit-ha = 公顷
unit-ha-amount = { $amount } 公顷
unit-m2 = 平方米
unit-m2-amount = { $amount } 平方米
unit-mu = 亩
unit-mu-amount = { $amount } 亩
unit-pyeong = 坪
unit-pyeong-amount = { $amount } 坪

## 币种：读者的选择，以及金额中使用的币种名称（见 main.ftl 的 money）。
currency-switch-label = 金额币种
currency-usd = 美元（USD）
currency-usd-unit = 美元
currency-cny = 人民币（CNY）
currency-cny-unit = 元人民币
currency-krw = 韩元（KRW）
currency-krw-unit = 韩元
currency-aed = 阿联酋迪拉姆（AED）
currency-aed-unit = 阿联酋迪拉姆
currency-eur = 欧元（EUR）
currency-eur-unit = 欧元
currency-kzt = 哈萨克斯坦坚戈（KZT）
currency-kzt-unit = 坚戈
currency-uzs = 乌兹别克斯坦苏姆（UZS）
currency-uzs-unit = 苏姆
currency-rate-note = 金额按中心于 { $date } 设定的汇率（1 美元 = { $rate } { $currency }）由美元换算；合同条款以美元计价。
