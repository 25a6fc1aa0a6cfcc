using Kakao.Provider.Grpc;

namespace Kakao.Provider.Tests.Grpc;

public class ResourceTypesTests
{
    [TestCase("kakao:index:KakaoSender", "", "kakao:index:KakaoSender")]
    [TestCase("", "urn:pulumi:dev::demo::kakao:index:KakaoSender::demo", "kakao:index:KakaoSender")]
    [TestCase("", "urn:pulumi:dev::demo::my:component:Thing$kakao:index:KakaoSender::demo", "kakao:index:KakaoSender")]
    [TestCase("", "garbage", "")]
    public void Resolve_TypeOrUrn_FindsTheToken(string type, string urn, string expected)
    {
        Assert.That(ResourceTypes.Resolve(type, urn), Is.EqualTo(expected));
    }
}
