## 내비게이션.
nav-home = 홈
nav-sites = 부지·시설
nav-opportunities = 투자 프로젝트
nav-about = 센터 소개
nav-contact = 문의처
nav-privacy = 개인정보 처리방침
nav-footer = 더 보기
nav-main = 주 메뉴

## 부지 목록.
sites-title = 생산 부지·시설
sites-description = 카자흐스탄–우즈베키스탄 국경 양쪽의 부지, 생산동, 창고, 보세창고를 면적, 유틸리티, 가격, 입주 가능 여부와 함께 소개합니다.
sites-lead = 국경 양쪽의 부지와 건물입니다. 프로젝트에 필요한 조건으로 검색하십시오. 모든 검색 조건이 주소(URL)에 반영되므로 목록을 즐겨찾기에 추가하거나 공유할 수 있습니다.
filter-heading = 검색 조건
filter-search = 검색
filter-search-hint = 언어에 관계없이 검색어를 입력하거나 KZ-P1과 같은 부지 코드를 입력하십시오
filter-zone = 구역
filter-kind = 유형
filter-tenure = 임대/매각
filter-availability = 입주 가능 여부
filter-side = 위치(국경 측)
filter-any = 전체
filter-min-area = 최소 부지 면적(m²)
filter-max-area = 최대 부지 면적(m²)
filter-min-power = 최소 전력 용량(kW)
filter-sort = 정렬
filter-apply = 부지 검색
filter-reset = 조건 초기화
sort-newest = 최신순
sort-area-desc = 면적 큰 순
sort-area-asc = 면적 작은 순
sort-price-asc = 가격 낮은 순
filter-invalid = { $field }: 입력값을 인식할 수 없어 적용하지 않았습니다.
results-count = { $count ->
    [0] 조건에 맞는 부지가 없습니다.
    [one] 조건에 맞는 부지가 { $count }곳 있습니다.
   *[other] 조건에 맞는 부지가 { $count }곳 있습니다.
}
results-none-hint = 검색 조건을 줄이거나 다른 검색어로 검색해 보십시오.
pagination-label = 페이지
pagination-previous = 이전 페이지
pagination-next = 다음 페이지
pagination-status = { $pages }페이지 중 { $page }페이지

## 부지 카드 및 상세 페이지.
site-land-area = 부지 면적
site-built-area = 건축 면적
site-ceiling-height = 유효 천장고
site-floor-load = 바닥 하중
site-power = 전력
site-water = 용수
site-gas = 천연가스
site-rail-siding = 철도 인입선
site-rail-siding-yes = 있음
site-rail-siding-no = 없음
site-dist-border = 국경검문소까지 거리
site-dist-rail = 기차역까지 거리
site-dist-airport = 국제공항까지 거리
site-tenure = 공급 방식
site-price = 가격
site-price-lease = { $unit }당 연 { $amount }
site-availability = 입주 가능 여부
site-available-from = { $date }부터 입주 가능
site-side = 위치(국경 측)
site-regime = 적용 법적 체제
site-zone = 구역
site-kind = 유형
site-phase = 단계
site-phase-value = { $phase }단계
site-coordinates = 좌표
site-specifications = 상세 사양
site-photos = 사진
site-brochure = 브로슈어 내려받기 (PDF)
site-location = 센터 배치도상 위치
site-related-opportunities = 이 부지의 투자 프로젝트
site-back-to-list = 전체 부지 목록

## 단위와 함께 표기하는 수치.
measure-m = { $value }m
measure-t-m2 = { $value }t/m²
measure-kw = { $value }kW
measure-m3-day = { $value }m³/일
measure-m3-h = { $value }m³/h
measure-km = { $value }km

## 센터 배치도.
plan-title = 센터 배치도
plan-description = 카자흐스탄–우즈베키스탄 국경 양쪽의 부지를 입주 가능 여부에 따라 색으로 구분했습니다. 각 부지를 누르면 상세 페이지로 이동합니다.
plan-border = 국경선
plan-checkpoint = 국경검문소
plan-kz = 카자흐스탄 · 아타메켄
plan-uz = 우즈베키스탄 · 굴리스탄
plan-legend = 범례

## 투자 프로젝트.
opportunities-title = 투자 프로젝트
opportunities-description = 카자흐스탄–우즈베키스탄 산업 거점에서 파트너를 찾고 있는 프로젝트의 업종, 소요 투자액, 추진 단계, 희망 협력 형태를 소개합니다.
opportunities-lead = 센터와 협력 기관이 준비한 프로젝트로, 구상 단계의 사업부터 파트너를 찾는 운영 중인 기업까지 다양합니다.
filter-sector = 업종
filter-stage = 추진 단계
filter-min-capex = 최소 투자액(USD)
filter-max-capex = 최대 투자액(USD)
filter-apply-opportunities = 프로젝트 검색
opportunity-results-count = { $count ->
    [0] 조건에 맞는 프로젝트가 없습니다.
    [one] 조건에 맞는 프로젝트가 { $count }건 있습니다.
   *[other] 조건에 맞는 프로젝트가 { $count }건 있습니다.
}
opportunity-sector = 업종
opportunity-capex = 소요 투자액
opportunity-stage = 추진 단계
opportunity-partnerships = 희망 협력 형태
opportunity-jobs = 일자리 창출
opportunity-payback = 예상 투자 회수 기간
opportunity-payback-years = { $years }년
opportunity-side = 위치
opportunity-incentives = 투자 인센티브
opportunity-sites = 이 프로젝트에 적합한 부지
opportunity-back-to-list = 전체 프로젝트 목록

## 부지 비교.
compare-title = 부지 비교
compare-description = 카자흐스탄–우즈베키스탄 국경 산업단지의 생산 부지를 나란히 비교하고 부지별 연간 비용을 추정합니다.
compare-lead = 최대 네 곳의 부지를 나란히 비교하고 각 부지의 연간 비용을 확인하십시오.
compare-select = 비교
compare-submit = 선택한 부지 비교
compare-empty = 목록에서 비교할 부지를 두 곳에서 네 곳까지 선택하십시오.
compare-yearly-cost = 예상 연간 비용
compare-yearly-cost-value = 연 { $amount }
compare-yearly-cost-note = 연간 비용은 임대 단가에 건축면적(부지는 대지면적)을 곱한 추정치로, 공과금과 세금은 포함되지 않으며 최종 조건은 부지 담당자가 확인합니다.
compare-for-sale = 매각 부지: 가격을 참조하십시오
