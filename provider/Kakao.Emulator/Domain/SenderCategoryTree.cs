using Kakao.Emulator.Json;

namespace Kakao.Emulator.Domain;

/// <summary>
/// A realistic subset of KakaoTalk's sender category tree (names in Korean as the API returns them). It holds
/// the OpenAPI example's codes (001 건강 …, 002 교육 …) and the guide's sample triple 019 / 0006 / 0001.
/// Codes are unique among siblings only, as in the real tree.
/// </summary>
internal static class SenderCategoryTree
{
    public static SenderCategoryListDto Categories { get; } = new(
    [
        Top("001", "건강",
            Mid("0001", "병원", ("0001", "종합병원"), ("0002", "피부과"), ("0003", "성형외과")),
            Mid("0002", "약국", ("0001", "약국")),
            Mid("0003", "의료기기/의약품", ("0001", "의료기기/의약품")),
            Mid("0004", "건강식품/건강정보", ("0001", "건강식품/건강정보"))),
        Top("002", "교육",
            Mid("0001", "학교", ("0001", "유치원"), ("0002", "초등학교"), ("0003", "중/고등학교"), ("0004", "대학교")),
            Mid("0002", "학원", ("0001", "입시/보습학원"), ("0002", "어학원"), ("0003", "예체능학원")),
            Mid("0003", "온라인교육", ("0001", "온라인강의"))),
        Top("003", "금융",
            Mid("0001", "은행", ("0001", "은행")),
            Mid("0002", "보험", ("0001", "생명보험"), ("0002", "손해보험")),
            Mid("0003", "카드", ("0001", "신용카드")),
            Mid("0004", "증권/투자", ("0001", "증권사"))),
        Top("004", "공공기관",
            Mid("0001", "정부기관", ("0001", "중앙행정기관"), ("0002", "지방자치단체")),
            Mid("0002", "공기업", ("0001", "공기업"))),
        Top("007", "여행",
            Mid("0001", "숙박", ("0001", "호텔"), ("0002", "펜션/민박")),
            Mid("0002", "여행사", ("0001", "국내여행"), ("0002", "해외여행")),
            Mid("0003", "항공", ("0001", "항공사"))),
        Top("010", "음식",
            Mid("0001", "음식점", ("0001", "한식"), ("0002", "중식"), ("0003", "일식"), ("0004", "양식")),
            Mid("0002", "카페/디저트", ("0001", "카페"), ("0002", "베이커리")),
            Mid("0003", "배달", ("0001", "배달음식"))),
        Top("014", "생활",
            Mid("0001", "부동산", ("0001", "중개업소")),
            Mid("0002", "이사/청소", ("0001", "이사"), ("0002", "청소")),
            Mid("0003", "통신", ("0001", "이동통신"), ("0002", "인터넷/IPTV"))),
        Top("019", "쇼핑",
            Mid("0001", "패션의류", ("0001", "여성의류"), ("0002", "남성의류")),
            Mid("0002", "뷰티", ("0001", "화장품")),
            Mid("0003", "가전/디지털", ("0001", "가전제품"), ("0002", "컴퓨터/모바일")),
            Mid("0004", "식품", ("0001", "신선식품"), ("0002", "가공식품")),
            Mid("0005", "가구/인테리어", ("0001", "가구")),
            Mid("0006", "종합쇼핑몰", ("0001", "온라인쇼핑몰"), ("0002", "오픈마켓"), ("0003", "홈쇼핑"))),
        Top("020", "IT/인터넷",
            Mid("0001", "소프트웨어", ("0001", "소프트웨어"), ("0002", "게임")),
            Mid("0002", "인터넷서비스", ("0001", "포털/커뮤니티"), ("0002", "플랫폼"))),
    ]);

    /// <summary>Whether top → mid → sub is a path of the tree (all three required).</summary>
    public static bool IsValidPath(string? top, string? mid, string? sub) =>
        top is not null && mid is not null && sub is not null && IsConsistent(top, mid, sub);

    /// <summary>
    /// Whether the given codes (any of them may be missing, as in a draft) lie on one path of the tree.
    /// </summary>
    public static bool IsConsistent(string? top, string? mid, string? sub)
    {
        foreach (var topCategory in Categories.Categories)
        {
            if (top is not null && topCategory.Code != top)
            {
                continue;
            }

            if (mid is null && sub is null)
            {
                return true;
            }

            foreach (var midCategory in topCategory.Subcategories)
            {
                if (mid is not null && midCategory.Code != mid)
                {
                    continue;
                }

                if (sub is null || midCategory.Subcategories.Any(s => s.Code == sub))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static SenderCategoryDto Top(string code, string name, params SenderCategoryDto[] mids) =>
        new(string.Empty, 1, code, name, mids.Select(m => m with { ParentCode = code }).ToArray());

    private static SenderCategoryDto Mid(string code, string name, params (string Code, string Name)[] subs) =>
        new(string.Empty, 2, code, name, subs.Select(s => new SenderCategoryDto(code, 3, s.Code, s.Name, [])).ToArray());
}
