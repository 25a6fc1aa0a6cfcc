using Kakao.Emulator.Json;

namespace Kakao.Emulator.Domain.Templates;

/// <summary>
/// Kakao's template categories: ten groups of 6-digit codes (3-digit group + 3-digit item) with Korean and English
/// names. The names are the facts file's enums, every one of them; the facts give the codes 001001–001003 (with
/// their inclusion/exclusion texts), 002002 (named in 001001's exclusion text) and 999999 (the create default,
/// "Others"). Every other code, and the pairing of names to codes, is [emulator choice, invented] — listed in
/// docs/emulator.md.
/// </summary>
internal static class TemplateCategoryTree
{
    public static IReadOnlyList<TemplateCategoryDto> Categories { get; } =
    [
        Group("001", "회원", "Membership",
            ("001", "회원가입", "Join membership", "회원가입 완료 내용의 템플릿이 대상입니다. 가입에 따른 축하적립금/쿠폰을 포함합니다.", "상품/서비스가입은 구매 > 상품가입 (002002)로 분류합니다."),
            ("002", "인증/비밀번호/로그인", "Authentication/Password/Login", "OTP, 로그인여부, 임시비밀번호, 본인확인 용도의 템플릿이 대상입니다.", ""),
            ("003", "회원정보/회원혜택", "Membership information/Member ship benefits", "회원등급안내, 혜택안내, 생일/기념일 축하 동의 템플릿이 대상입니다.", "")),
        Group("002", "구매", "Purchase",
            ("001", "구매완료", "Purchase completed", "", ""),
            ("002", "상품가입", "Product subscription", "", ""),
            ("003", "진행상태", "Purchase status", "", ""),
            ("004", "구매취소", "Purchase cancellation", "", ""),
            ("005", "구매예약/입고알림", "Pre-order/Stock alerts", "", "")),
        Group("003", "예약", "Reservation",
            ("001", "예약완료/예약내역", "Completed reservations/Reservation history", "", ""),
            ("002", "예약상태", "Reservation status", "", ""),
            ("003", "예약취소", "Reservation cancellation", "", ""),
            ("004", "예약알림/리마인드", "Notification/Reminder", "", "")),
        Group("004", "서비스이용", "Customer service",
            ("001", "이용안내/공지", "Information/Notification", "", ""),
            ("002", "신청접수", "Application reception", "", ""),
            ("003", "처리완료", "Notification for treated demands", "", ""),
            ("004", "이용도구", "Tools for use", "", ""),
            ("005", "방문서비스", "Visiting service", "", ""),
            ("006", "피드백 요청", "Feedback request", "", ""),
            ("007", "구매감사/이용확인", "Greeting message/Order confirmation", "", ""),
            ("008", "리마인드", "Reminder message", "", "")),
        Group("005", "리포팅", "Reports",
            ("001", "피드백", "Feedback", "", ""),
            ("002", "요금청구", "Billing", "", ""),
            ("003", "계약/견적", "Contract/Quote", "", ""),
            ("004", "안전/피해예방", "Safety/Damage prevention", "", ""),
            ("005", "뉴스레터", "Newsletter", "", ""),
            ("006", "거래알림", "Transaction notification", "", "")),
        Group("006", "배송", "Shipping",
            ("001", "배송상태", "Shipping status", "", ""),
            ("002", "배송예정", "Shipping estimation", "", ""),
            ("003", "배송완료", "Shipping completed", "", ""),
            ("004", "배송실패", "Failed shipment", "", "")),
        Group("007", "법적고지", "Legal notification",
            ("001", "수신동의", "Consent of reception", "", ""),
            ("002", "개인정보", "Privacy", "", ""),
            ("003", "약관변경", "Change of terms and conditions", "", ""),
            ("004", "휴면 관련", "Dormant account related", "", "")),
        Group("008", "업무알림", "Business notification",
            ("001", "내부 업무 알림", "Internal business notification", "", ""),
            ("002", "주문/예약", "Order/Reservation", "", "")),
        Group("009", "쿠폰/포인트", "Coupon/Points",
            ("001", "쿠폰발급", "Coupon issuance", "", ""),
            ("002", "쿠폰사용", "Notification for coupon use", "", ""),
            ("003", "포인트적립", "Earn points", "", ""),
            ("004", "포인트사용", "Use of points", "", ""),
            ("005", "쿠폰/포인트안내", "Information coupon/Points", "", "")),
        Group("999", "기타", "Others",
            ("999", "기타", "Others", "", "")),
    ];

    private static readonly HashSet<string> Codes = Categories.SelectMany(c => c.Subcategories).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether the code is one of the tree's 6-digit subcategory codes.</summary>
    public static bool IsValid(string? code) => code is not null && Codes.Contains(code);

    private static TemplateCategoryDto Group(string group, string name, string nameEnglish, params (string Item, string Name, string NameEnglish, string Inclusion, string Exclusion)[] items) =>
        new(name, nameEnglish, items.Select(i => new TemplateSubcategoryDto(group + i.Item, i.Name, i.NameEnglish, name, i.Inclusion, i.Exclusion)).ToArray());
}
