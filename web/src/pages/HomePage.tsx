import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session';
import { useUnits } from '../api/units';
import { useSelectedUnit } from '../layout/selected-unit';

/** The first page after sign-in: who you are, and the unit you are looking at. */
export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const units = useUnits();
  const { unitId } = useSelectedUnit();
  const user = session.data?.user;
  if (!user) return null;
  const selected = units.data?.find((u) => u.id === unitId);
  const children = units.data?.filter((u) => u.parentId === unitId) ?? [];
  const parent = units.data?.find((u) => u.id === selected?.parentId);

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('home.welcome', { name: user.fullName })}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('shell.myUnit')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('home.unit')}>
                <strong data-testid="my-unit">{user.unit.name}</strong>
              </Descriptions.Item>
              <Descriptions.Item label={t('home.level')}>{t(`levels.${user.unit.level}`)}</Descriptions.Item>
              <Descriptions.Item label={t('home.code')}>{user.unit.code}</Descriptions.Item>
              <Descriptions.Item label={t('home.roles')}>
                {user.roles.map((r) => (
                  <Tag key={r} color="red">
                    {t(`roles.${r}`)}
                  </Tag>
                ))}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        {selected && (
          <Col xs={24} lg={12}>
            <Card title={t('home.selected')}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('home.unit')}>
                  <strong data-testid="selected-unit">{selected.name}</strong>
                </Descriptions.Item>
                <Descriptions.Item label={t('home.level')}>{t(`levels.${selected.level}`)}</Descriptions.Item>
                <Descriptions.Item label={t('home.code')}>{selected.code}</Descriptions.Item>
                {parent && <Descriptions.Item label={t('units.parent')}>{parent.name}</Descriptions.Item>}
                {children.length > 0 && (
                  <Descriptions.Item label={t('home.below')}>
                    {t('home.belowCount', { count: children.length })}
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}
