// Signature Version 4 against AWS's published test suite.
#include "simulator/backends/aws_sigv4.h"

#include <gtest/gtest.h>

namespace kvlab::sim {
namespace {

// "get-vanilla" from the AWS Signature Version 4 test suite
// (docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html; the same files are in
// botocore, tests/unit/auth/aws4_testsuite/get-vanilla/): GET / with Host and X-Amz-Date,
// credentials AKIDEXAMPLE, region us-east-1, service "service". The expected values are the
// suite's get-vanilla.creq, .sts and .authz.
TEST(AwsSigV4, shouldReproduceTheGetVanillaVectorOfAwsTestSuite) {
  AwsCredentials credentials;
  credentials.accessKeyId = "AKIDEXAMPLE";
  credentials.secretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  credentials.region = "us-east-1";
  SigV4Request request;
  request.method = "GET";
  request.path = "/";
  request.headers = {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}};
  const SigV4Signature s = signSigV4(request, credentials, "service", "20150830T123600Z");
  EXPECT_EQ(s.canonicalRequest,
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256Hex(s.canonicalRequest),
            "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63");
  EXPECT_EQ(s.stringToSign,
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
            "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63");
  EXPECT_EQ(s.signature, "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
  EXPECT_EQ(s.authorization,
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            "SignedHeaders=host;x-amz-date, "
            "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
}

TEST(AwsSigV4, shouldSignADifferentPayloadDifferently) {
  AwsCredentials credentials{"AKIDEXAMPLE", "secret", "", "eu-west-1", ""};
  SigV4Request request;
  request.headers = {{"host", "dynamodb.eu-west-1.amazonaws.com"},
                     {"x-amz-date", "20240101T000000Z"},
                     {"x-amz-target", "DynamoDB_20120810.ListTables"}};
  request.payload = "{}";
  const SigV4Signature a = signSigV4(request, credentials, "dynamodb", "20240101T000000Z");
  request.payload = "{\"Limit\":1}";
  const SigV4Signature b = signSigV4(request, credentials, "dynamodb", "20240101T000000Z");
  EXPECT_NE(a.signature, b.signature);
  EXPECT_NE(a.authorization.find("/eu-west-1/dynamodb/aws4_request"), std::string::npos);
  EXPECT_NE(a.authorization.find("SignedHeaders=host;x-amz-date;x-amz-target"), std::string::npos);
}

}  // namespace
}  // namespace kvlab::sim
