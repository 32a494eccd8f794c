import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { areaHeading, numberLine, placeDateLine } from '#core/plan/document';
import type { Plan } from '../../api/plans';

const serif = { fontFamily: "'Times New Roman', 'Liberation Serif', serif", fontSize: 15, lineHeight: 1.5 };
const centre = { textAlign: 'center' as const, margin: 0 };
const para = { textAlign: 'justify' as const, textIndent: '1cm', margin: '0 0 6px' };
const heading = { ...para, fontWeight: 700 };
const paragraphs = (text: string) => text.split(/\n+/).filter((p) => p.trim());

/** The plan laid out as it prints (NĐ 30), for those who read it rather than edit it. */
export function PlanPreview({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  return (
    <Card title={t('plans.preview')}>
      <div style={{ ...serif, maxWidth: 760, margin: '0 auto', color: '#000' }} data-testid="plan-preview">
        <Row gutter={16}>
          <Col span={10} style={serif}>
            {plan.parentBody && <p style={centre}>{plan.parentBody.toUpperCase()}</p>}
            {paragraphs(plan.issuingBody.toUpperCase()).map((line) => (
              <p key={line} style={{ ...centre, fontWeight: 700 }}>
                {line}
              </p>
            ))}
            <hr style={{ width: '30%', margin: '2px auto 8px', borderTop: '1px solid #000' }} />
            <p style={{ ...centre, whiteSpace: 'pre' }}>{numberLine(plan)}</p>
          </Col>
          <Col span={14} style={serif}>
            <p style={{ ...centre, fontWeight: 700, fontSize: 13 }}>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
            <p style={{ ...centre, fontWeight: 700 }}>Độc lập - Tự do - Hạnh phúc</p>
            <hr style={{ width: '60%', margin: '2px auto 8px', borderTop: '1px solid #000' }} />
            <p style={{ ...centre, fontStyle: 'italic' }}>
              {placeDateLine(plan.place, plan.issuedDate, plan.year)}
            </p>
          </Col>
        </Row>
        <p style={{ ...centre, fontWeight: 700, marginTop: 20 }}>KẾ HOẠCH</p>
        {paragraphs(plan.title).map((line) => (
          <p key={line} style={{ ...centre, fontWeight: 700 }}>
            {line}
          </p>
        ))}
        <hr style={{ width: '25%', margin: '4px auto 16px', borderTop: '1px solid #000' }} />
        {paragraphs(plan.preamble).map((p) => (
          <p key={p} style={para}>
            {p}
          </p>
        ))}
        <p style={heading}>I. MỤC ĐÍCH, YÊU CẦU</p>
        <p style={heading}>1. Mục đích:</p>
        {plan.purposes.map((p) => (
          <p key={p} style={para}>
            - {p}
          </p>
        ))}
        <p style={heading}>2. Yêu cầu:</p>
        {plan.requirements.map((p) => (
          <p key={p} style={para}>
            - {p}
          </p>
        ))}
        <p style={heading}>II. NỘI DUNG VÀ MỤC TIÊU THỰC HIỆN</p>
        {plan.areas.map((area, i) => (
          <div key={area.key}>
            <p style={heading}>
              {i + 1}. {areaHeading(area)}
            </p>
            {area.contents.map((c) => (
              <p key={c} style={para}>
                - {c}
              </p>
            ))}
          </div>
        ))}
        <p style={heading}>III. TỔ CHỨC THỰC HIỆN</p>
        {plan.duties.map((duty, i) =>
          paragraphs(duty.text).map((p, j) => (
            <p key={`${duty.actor}-${p}`} style={para}>
              {j === 0 ? `${i + 1}. ` : ''}
              {p}
            </p>
          )),
        )}
        {paragraphs(plan.closing).map((p) => (
          <p key={p} style={para}>
            {p}
          </p>
        ))}
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col span={12} style={{ ...serif, fontSize: 13 }}>
            <p style={{ margin: 0, fontWeight: 700, fontStyle: 'italic' }}>Nơi nhận:</p>
            {plan.recipients.map((r) => (
              <p key={r} style={{ margin: 0, fontSize: 12 }}>
                - {r}
              </p>
            ))}
          </Col>
          <Col span={12} style={serif}>
            <p style={{ ...centre, fontWeight: 700 }}>{plan.signAuthority.toUpperCase()}</p>
            <p style={{ ...centre, fontWeight: 700 }}>{plan.signerTitle.toUpperCase()}</p>
            <p style={{ ...centre, fontWeight: 700, marginTop: 64 }}>{plan.signerName}</p>
          </Col>
        </Row>
      </div>
    </Card>
  );
}
