import Foundation
import Testing
@testable import TiyanHTML

/// Bytes written by hand (from Python's codecs) so the tests do not depend on the iconv they test.
enum Encoded {
    /// 浙江政务服务网 in GBK.
    static let portalNameGBK: [UInt8] = [0xD5, 0xE3, 0xBD, 0xAD, 0xD5, 0xFE, 0xCE, 0xF1, 0xB7, 0xFE, 0xCE, 0xF1, 0xCD, 0xF8]
    /// 登录 in GBK.
    static let loginGBK: [UInt8] = [0xB5, 0xC7, 0xC2, 0xBC]
    /// 喆, in GBK but not in GB2312: pages declared gb2312 use it anyway.
    static let zheGBK: [UInt8] = [0x86, 0xB4]
    /// 𠀀, a four-byte GB18030 sequence.
    static let fourByteGB18030: [UInt8] = [0x95, 0x32, 0x82, 0x36]
    /// 臺灣政務服務 in Big5.
    static let taiwanBig5: [UInt8] = [0xBB, 0x4F, 0xC6, 0x57, 0xAC, 0x46, 0xB0, 0xC8, 0xAA, 0x41, 0xB0, 0xC8]

    static func page(_ parts: [Any]) -> Data {
        var bytes: [UInt8] = []
        for part in parts {
            if let text = part as? String { bytes += Array(text.utf8) }
            if let raw = part as? [UInt8] { bytes += raw }
        }
        return Data(bytes)
    }
}

@Suite struct CharsetDecoderTests {
    @Test func headerCharsetDecodesGBK() {
        let body = Encoded.page(["<html><title>", Encoded.portalNameGBK, "</title></html>"])
        let decoded = CharsetDecoder.decode(body, contentType: "text/html; charset=GBK")
        #expect(decoded.text == "<html><title>浙江政务服务网</title></html>")
        #expect(decoded.charset == "gbk")
        #expect(decoded.source == .header)
    }

    @Test func quotedHeaderLabelAndAliases() {
        let body = Data(Encoded.loginGBK)
        #expect(CharsetDecoder.decode(body, contentType: "text/html;charset=\"gb2312\"").charset == "gb2312")
        #expect(CharsetDecoder.decode(body, contentType: "text/html; Charset=x-gbk").charset == "gbk")
        #expect(CharsetDecoder.decode(body, contentType: "text/html; charset=GB_2312-80").text == "登录")
    }

    @Test func gb2312LabelDecodesGBKAndGB18030Characters() {
        let body = Encoded.page([Encoded.zheGBK, Encoded.fourByteGB18030])
        let decoded = CharsetDecoder.decode(body, contentType: "text/html; charset=gb2312")
        #expect(decoded.text == "喆𠀀")
        #expect(decoded.charset == "gb2312")
    }

    @Test func metaCharsetWhenHeaderHasNone() {
        let body = Encoded.page([
            "<!DOCTYPE html><html><head><!-- <meta charset=\"big5\"> --><meta charset=\"gbk\"><title>",
            Encoded.portalNameGBK, "</title>",
        ])
        let decoded = CharsetDecoder.decode(body, contentType: "text/html")
        #expect(decoded.source == .meta)
        #expect(decoded.charset == "gbk")
        #expect(decoded.text.hasSuffix("<title>浙江政务服务网</title>"))
    }

    @Test func metaHTTPEquivContentType() {
        let body = Encoded.page([
            "<html><head><meta name=keywords content='a>b'><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=gb2312\">",
            Encoded.loginGBK,
        ])
        let decoded = CharsetDecoder.decode(body, contentType: nil)
        #expect(decoded.source == .meta)
        #expect(decoded.charset == "gb2312")
        #expect(decoded.text.hasSuffix("登录"))
    }

    @Test func headerWinsOverConflictingMeta() {
        let body = Encoded.page(["<meta charset=\"utf-8\">", Encoded.loginGBK])
        let decoded = CharsetDecoder.decode(body, contentType: "text/html; charset=gbk")
        #expect(decoded.source == .header)
        #expect(decoded.text == "<meta charset=\"utf-8\">登录")
    }

    @Test func wrongHeaderDecodesLossilyWithoutFailing() {
        let body = Encoded.page(["<p>", Encoded.portalNameGBK, "</p><a href=\"/x\">ok</a>"])
        let decoded = CharsetDecoder.decode(body, contentType: "text/html; charset=utf-8")
        #expect(decoded.charset == "utf-8")
        #expect(decoded.text.contains("\u{FFFD}"))
        #expect(decoded.text.hasSuffix("</p><a href=\"/x\">ok</a>"))
    }

    @Test func byteOrderMarks() {
        let utf8 = CharsetDecoder.decode(Encoded.page([[0xEF, 0xBB, 0xBF] as [UInt8], "<p>政务</p>"]), contentType: nil)
        #expect(utf8.text == "<p>政务</p>")
        #expect(utf8.source == .bom)
        #expect(utf8.charset == "utf-8")

        let utf16 = Data([0xFF, 0xFE] + Array("<p>政务</p>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let little = CharsetDecoder.decode(utf16, contentType: "text/html")
        #expect(little.text == "<p>政务</p>")
        #expect(little.charset == "utf-16le")

        let big = Data([0xFE, 0xFF] + Array("政务".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        #expect(CharsetDecoder.decode(big, contentType: nil).text == "政务")
    }

    @Test func headerBeatsByteOrderMarkButTheMarkIsNotText() {
        let decoded = CharsetDecoder.decode(Encoded.page([[0xEF, 0xBB, 0xBF] as [UInt8], "ok"]), contentType: "text/html; charset=utf-8")
        #expect(decoded.source == .header)
        #expect(decoded.text == "ok")
    }

    @Test func big5() {
        let body = Encoded.page(["<meta http-equiv=content-type content=\"text/html;charset=big5\">", Encoded.taiwanBig5])
        let decoded = CharsetDecoder.decode(body, contentType: nil)
        #expect(decoded.charset == "big5")
        #expect(decoded.text.hasSuffix("臺灣政務服務"))
    }

    @Test func defaultIsUTF8ThenGB18030() {
        let utf8 = CharsetDecoder.decode(Data("<p>政务</p>".utf8), contentType: nil)
        #expect(utf8.charset == "utf-8")
        #expect(utf8.source == .default)

        let undeclared = CharsetDecoder.decode(Encoded.page(["<p>", Encoded.portalNameGBK, "</p>"]), contentType: "text/html")
        #expect(undeclared.text == "<p>浙江政务服务网</p>")
        #expect(undeclared.charset == "gb18030")
        #expect(undeclared.source == .default)
    }

    @Test func unknownLabelsFallThrough() {
        let body = Encoded.page(["<meta charset=\"klingon\"><meta charset=gbk>", Encoded.loginGBK])
        let decoded = CharsetDecoder.decode(body, contentType: "text/html; charset=x-unknown")
        #expect(decoded.source == .meta)
        #expect(decoded.text.hasSuffix("登录"))
    }

    @Test func metaBeyondTheScanWindowIsIgnored() {
        let padding = String(repeating: " ", count: 5000)
        let decoded = CharsetDecoder.decode(Data((padding + "<meta charset=gbk>").utf8), contentType: nil)
        #expect(decoded.source == .default)
    }

    @Test func invalidAndTruncatedSequencesBecomeReplacementCharacters() {
        // A lead byte with an invalid trail, a lone 0x80 and 0xFF, and a sequence cut by the end.
        let body = Encoded.page([Encoded.loginGBK, [0xB5, 0x20, 0x80, 0xFF] as [UInt8], "ok", [0xD5] as [UInt8]])
        let decoded = CharsetDecoder.decode(body, contentType: "text/html; charset=gbk")
        #expect(decoded.text.hasPrefix("登录"))
        #expect(decoded.text.contains("ok"))
        #expect(decoded.text.hasSuffix("\u{FFFD}"))
        #expect(CharsetDecoder.decode(Data(), contentType: "text/html; charset=gbk").text == "")
    }

    @Test func windows1252() {
        let decoded = CharsetDecoder.decode(Data([0x80, 0x41, 0xE9, 0x81]), contentType: "text/html; charset=iso-8859-1")
        #expect(decoded.charset == "windows-1252")
        #expect(decoded.text == "€Aé\u{81}")
    }
}
